import { SetMetadata } from '@nestjs/common';

export const NOT_AUDITED = 'notAudited';

/** For a non-GET route that changes nothing (a dry run such as POST /points/estimate). */
export const NotAudited = () => SetMetadata(NOT_AUDITED, true);
