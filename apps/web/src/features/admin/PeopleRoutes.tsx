import { NotFound } from '../home/NotFound';

/** Not built yet. */
export default function Placeholder() {
  return <NotFound />;
}
