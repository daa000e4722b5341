import { SetMetadata } from '@nestjs/common';
import { AUTHORIZE_KEY } from '@juntos/auth';
import { Capability } from './capabilities';

/** Declares the capability an endpoint needs. Every resolver method carries this or @Public(). */
export const Authorize = (cap: Capability) => SetMetadata(AUTHORIZE_KEY, cap);
