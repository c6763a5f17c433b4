// The DataSource the TypeORM CLI uses (migration:generate/run/revert). Exactly one export.
import { ALL_ENTITIES } from '@app/domain/entities';
import { DataSource } from 'typeorm';
import { loadConfigForDatabase } from '@app/core/database/database-url';
import { buildDataSourceOptions } from '@app/core/database/data-source-options';

export default new DataSource(buildDataSourceOptions(loadConfigForDatabase(), ALL_ENTITIES));
