// How long a coordinator's own mail text may be (group mails and edited templates alike).
export const MAIL_SUBJECT_MAX = 300;
export const MAIL_BODY_MAX = 10_000;
