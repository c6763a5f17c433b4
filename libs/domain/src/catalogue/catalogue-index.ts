// The catalogue's full-text document of each distinguished practice of an edition ($1): title (A),
// city and units (B), description (C), folded by oc_simple (unaccent). Written at publication.
export const CATALOGUE_INDEX_SQL = `
  UPDATE practice p
     SET search_vector = setweight(to_tsvector('oc_simple', p.title), 'A')
                      || setweight(to_tsvector('oc_simple', c.name || ' ' || array_to_string(p.recipient_units, ' ')), 'B')
                      || setweight(to_tsvector('oc_simple', p.description), 'C')
    FROM report r JOIN city c ON c.id = r.city_id
   WHERE r.id = p.report_id AND r.edition_id = $1 AND p.status = 'distinguished'`;
