import { Injectable } from '@nestjs/common';
import { badInput } from '@juntos/common';
import { WorkplaceEntity } from '@juntos/db';
import { WorkplacesRepository } from './workplaces.repository';

@Injectable()
export class WorkplacesService {
  constructor(private readonly workplaces: WorkplacesRepository) {}

  /** For a steward's assignment: every id must be a workplace of this local. */
  async requireAllInLocal(localId: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.workplaces.findInLocal(localId, unique);
    if (found.length !== unique.length)
      throw badInput('A workplace was not found in this local.', 'workplaceIds');
    return unique;
  }

  /** For nested fields whose parent (in the same local) the viewer may already read. */
  listInLocal(localId: string, ids: readonly string[]): Promise<WorkplaceEntity[]> {
    return this.workplaces.findInLocal(localId, ids);
  }
}
