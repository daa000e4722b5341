import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '@juntos/common';
import { clientIp, Public } from '@juntos/auth';
import { CURIES, entryPoint, person } from './osdi-documents';
import { osdiPage, pageLinks } from './osdi-paging';
import { OsdiCaller, OsdiService } from './osdi.service';

const HAL = 'application/hal+json';

/** A query string ends up in logs and histories: a token there is refused, even beside a good header. */
const TOKEN_IN_ADDRESS = /token|secret|api[_-]?key/i;

/**
 * `/osdi/v1/`: Juntos's data in the Open Supporter Data Interface, for Action Network and its
 * peers. Public to the JWT guard: every handler authenticates its API token in OsdiService.
 */
@Controller('osdi/v1')
@Public()
export class OsdiController {
  constructor(private readonly osdi: OsdiService) {}

  private caller(req: Request): OsdiCaller {
    if (Object.keys(req.query).some((k) => TOKEN_IN_ADDRESS.test(k)))
      throw new AppError(
        'UNAUTHENTICATED',
        'Send the API token in the OSDI-API-Token header, never in the address: that one may now be in a log, so revoke it.',
      );
    return { secret: req.get('osdi-api-token') ?? undefined, ip: clientIp(req) };
  }

  private base(req: Request): string {
    return `${req.protocol}://${req.get('host')}/osdi/v1`;
  }

  @Get()
  @Header('Content-Type', HAL)
  async entry(@Req() req: Request) {
    await this.osdi.entry(this.caller(req));
    return entryPoint(this.base(req));
  }

  @Get('people')
  @Header('Content-Type', HAL)
  async people(@Req() req: Request, @Query() query: Record<string, unknown>) {
    const caller = this.caller(req);
    const p = osdiPage(query);
    const { rows, total } = await this.osdi.people(caller, p);
    const base = this.base(req);
    const { fields, links } = pageLinks(`${base}/people`, p, total);
    const people = rows.map((r) => person(base, r));
    return {
      ...fields,
      _links: { ...links, curies: CURIES, 'osdi:people': people.map((x) => x._links.self) },
      _embedded: { 'osdi:people': people },
    };
  }

  @Get('people/:id')
  @Header('Content-Type', HAL)
  async person(@Req() req: Request, @Param('id') id: string) {
    return person(this.base(req), await this.osdi.person(this.caller(req), id));
  }
}
