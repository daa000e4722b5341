import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@juntos/auth';
import {
  attendance,
  collection,
  entryPoint,
  event,
  person,
  petition,
  signature,
  tag,
  tagging,
} from './osdi-documents';
import { HAL, osdiBase, osdiCaller } from './osdi-http';
import { OsdiPage, osdiPage } from './osdi-paging';
import { OsdiPaged } from './osdi.repository';
import { OsdiCaller, OsdiService } from './osdi.service';

type QueryString = Record<string, unknown>;

/**
 * `/osdi/v1/`: Juntos's data in the Open Supporter Data Interface, for Action Network and its
 * peers. Public to the JWT guard: every handler authenticates its API token in OsdiService.
 * Reads only (OSDI_READ); the write helpers live beside it.
 */
@Controller('osdi/v1')
@Public()
export class OsdiController {
  constructor(private readonly osdi: OsdiService) {}

  /**
   * One page of a collection at `path` (under the base), its items embedded as `rel`. The paging
   * values are read before the token is checked, so a bad one is a 400 whatever the token.
   */
  private async page<R, D extends { _links: { self: { href: string } } }>(
    req: Request,
    query: QueryString,
    path: string,
    rel: string,
    load: (caller: OsdiCaller, p: OsdiPage) => Promise<OsdiPaged<R>>,
    doc: (base: string, row: R) => D,
  ) {
    const caller = osdiCaller(req);
    const p = osdiPage(query);
    const { rows, total } = await load(caller, p);
    const base = osdiBase(req);
    return collection(
      `${base}/${path}`,
      rel,
      p,
      total,
      rows.map((r) => doc(base, r)),
    );
  }

  @Get()
  @Header('Content-Type', HAL)
  async entry(@Req() req: Request) {
    await this.osdi.entry(osdiCaller(req));
    return entryPoint(osdiBase(req));
  }

  @Get('people')
  @Header('Content-Type', HAL)
  people(@Req() req: Request, @Query() query: QueryString) {
    return this.page(req, query, 'people', 'osdi:people', (c, p) => this.osdi.people(c, p), person);
  }

  @Get('people/:id')
  @Header('Content-Type', HAL)
  async person(@Req() req: Request, @Param('id') id: string) {
    return person(osdiBase(req), await this.osdi.person(osdiCaller(req), id));
  }

  @Get('people/:id/signatures')
  @Header('Content-Type', HAL)
  personSignatures(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `people/${id}/signatures`,
      'osdi:signatures',
      (c, p) => this.osdi.personSignatures(c, id, p),
      signature,
    );
  }

  @Get('people/:id/attendances')
  @Header('Content-Type', HAL)
  personAttendances(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `people/${id}/attendances`,
      'osdi:attendances',
      (c, p) => this.osdi.personAttendances(c, id, p),
      attendance,
    );
  }

  @Get('people/:id/taggings')
  @Header('Content-Type', HAL)
  personTaggings(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `people/${id}/taggings`,
      'osdi:taggings',
      (c, p) => this.osdi.personTaggings(c, id, p),
      tagging,
    );
  }

  @Get('petitions')
  @Header('Content-Type', HAL)
  petitions(@Req() req: Request, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      'petitions',
      'osdi:petitions',
      (c, p) => this.osdi.petitions(c, p),
      petition,
    );
  }

  @Get('petitions/:id')
  @Header('Content-Type', HAL)
  async petition(@Req() req: Request, @Param('id') id: string) {
    return petition(osdiBase(req), await this.osdi.petition(osdiCaller(req), id));
  }

  @Get('petitions/:id/signatures')
  @Header('Content-Type', HAL)
  signatures(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `petitions/${id}/signatures`,
      'osdi:signatures',
      (c, p) => this.osdi.signatures(c, id, p),
      signature,
    );
  }

  @Get('petitions/:id/signatures/:signatureId')
  @Header('Content-Type', HAL)
  async signature(@Req() req: Request, @Param('id') id: string, @Param('signatureId') signatureId: string) {
    return signature(osdiBase(req), await this.osdi.signature(osdiCaller(req), id, signatureId));
  }

  @Get('events')
  @Header('Content-Type', HAL)
  events(@Req() req: Request, @Query() query: QueryString) {
    return this.page(req, query, 'events', 'osdi:events', (c, p) => this.osdi.events(c, p), event);
  }

  @Get('events/:id')
  @Header('Content-Type', HAL)
  async event(@Req() req: Request, @Param('id') id: string) {
    return event(osdiBase(req), await this.osdi.event(osdiCaller(req), id));
  }

  @Get('events/:id/attendances')
  @Header('Content-Type', HAL)
  attendances(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `events/${id}/attendances`,
      'osdi:attendances',
      (c, p) => this.osdi.attendances(c, id, p),
      attendance,
    );
  }

  @Get('events/:id/attendances/:attendanceId')
  @Header('Content-Type', HAL)
  async attendance(
    @Req() req: Request,
    @Param('id') id: string,
    @Param('attendanceId') attendanceId: string,
  ) {
    return attendance(osdiBase(req), await this.osdi.attendance(osdiCaller(req), id, attendanceId));
  }

  @Get('tags')
  @Header('Content-Type', HAL)
  tags(@Req() req: Request, @Query() query: QueryString) {
    return this.page(req, query, 'tags', 'osdi:tags', (c, p) => this.osdi.tags(c, p), tag);
  }

  @Get('tags/:id')
  @Header('Content-Type', HAL)
  async tag(@Req() req: Request, @Param('id') id: string) {
    return tag(osdiBase(req), await this.osdi.tag(osdiCaller(req), id));
  }

  @Get('tags/:id/taggings')
  @Header('Content-Type', HAL)
  taggings(@Req() req: Request, @Param('id') id: string, @Query() query: QueryString) {
    return this.page(
      req,
      query,
      `tags/${id}/taggings`,
      'osdi:taggings',
      (c, p) => this.osdi.taggings(c, id, p),
      tagging,
    );
  }

  @Get('tags/:id/taggings/:taggingId')
  @Header('Content-Type', HAL)
  async tagging(@Req() req: Request, @Param('id') id: string, @Param('taggingId') taggingId: string) {
    return tagging(osdiBase(req), await this.osdi.tagging(osdiCaller(req), id, taggingId));
  }
}
