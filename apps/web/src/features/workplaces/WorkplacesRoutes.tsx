import { Route, Routes } from 'react-router';
import { NotFound } from '../home/NotFound';
import { WallChart } from './WallChart';
import { EditWorkplace, NewWorkplace } from './WorkplaceForm';
import { WorkplacesList } from './WorkplacesList';
import './workplaces.css';

/** The organizer's workplaces: the list, a workplace's wall chart, creating and editing one. */
export default function WorkplacesRoutes() {
  return (
    <Routes>
      <Route index element={<WorkplacesList />} />
      <Route path="new" element={<NewWorkplace />} />
      <Route path=":id/edit" element={<EditWorkplace />} />
      <Route path=":id" element={<WallChart />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
