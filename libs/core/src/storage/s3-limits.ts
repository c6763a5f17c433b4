/** S3's smallest part: files up to this size go up in one PutObject, larger ones in parts of it. */
export const S3_PART_BYTES = 5 * 1024 * 1024;
