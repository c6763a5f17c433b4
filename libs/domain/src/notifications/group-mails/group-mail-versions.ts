// Which version of a group mail a reader gets (pure; the preview and the sender agree through it).
import type { Locale } from '../templates/facts';
import type { GroupMailVersion } from './group-mail.entity';

/** The version a reader of `locale` gets: their language's, else the first. */
export function versionFor(versions: GroupMailVersion[], locale: Locale): GroupMailVersion {
  return versions.find((version) => version.language === locale) ?? versions[0];
}

/** The language a version is written in for a reader: its own, or the reader's for the one version for all. */
export const languageOf = (version: GroupMailVersion, reader: Locale): Locale => version.language ?? reader;
