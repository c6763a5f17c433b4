// The practice as the API shows it, as one SELECT other statements wrap (p practice, r report, c city).
export const PRACTICE_SELECT = `
  SELECT p.id, p.report_id AS "reportId", r.edition_id AS "editionId", r.city_id AS "cityId", c.name AS "cityName",
         p.title, p.description, p.recipient_units AS "recipientUnits", to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
         p.links, p.status, p.eligibility_reason AS "eligibilityReason",
         COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name, 'translations', cat.translations) ORDER BY cat.position, cat.name)
                     FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories
    FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id`;
