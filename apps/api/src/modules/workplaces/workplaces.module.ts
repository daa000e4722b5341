import { Module } from '@nestjs/common';
import { WorkplacesRepository } from './workplaces.repository';
import { WorkplacesService } from './workplaces.service';

@Module({
  providers: [WorkplacesRepository, WorkplacesService],
  exports: [WorkplacesService],
})
export class WorkplacesModule {}
