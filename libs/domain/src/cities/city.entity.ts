// A city whose government takes part in the awards. Names are unique and keep their Polish letters.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('city')
// Unique regardless of case ("Kraków" = "kraków"): a functional index, created in the migration.
@Index('city_name_unique', { synchronize: false })
export class City {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  region!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
