-- One revision shape per entity, whoever wrote it (packages/db/src/snapshots.ts). Before this, the
-- data-file loader named records by key ("ttp", participants as "ttp|PARTY|"), an import by key or
-- "#<id>" and only the fields it owns, a candidate review as { field: [null, value] } with database
-- IDs, and the API by global ID. Every stored revision is rewritten into the API's shape: references
-- are global IDs (base64 of "<Type>:<id>"), lists sorted and whole records whole. A key whose record
-- is gone by now becomes null; what a review did not record (a source's URL, a place's kind) is
-- taken from the record as it is now. Revisions already in this shape come out unchanged.

CREATE FUNCTION pg_temp.gid(typename text, id bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN id IS NULL THEN 'null'::jsonb ELSE to_jsonb(encode(convert_to(typename || ':' || id, 'UTF8'), 'base64')) END
$$;

CREATE FUNCTION pg_temp.is_gid(value text, typename text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN value ~ '^[A-Za-z0-9+/]+=*$' AND convert_from(decode(value, 'base64'), 'UTF8') ~ ('^' || typename || ':[0-9]{1,10}$');
EXCEPTION WHEN others THEN
  RETURN false;
END
$$;

-- A reference as any writer stored it (a global ID, a database ID, "#<id>" or a key), as a global ID.
CREATE FUNCTION pg_temp.ref(value jsonb, typename text) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  text_value text;
  found bigint;
BEGIN
  IF value IS NULL OR jsonb_typeof(value) = 'null' THEN RETURN 'null'::jsonb; END IF;
  IF jsonb_typeof(value) = 'number' THEN RETURN pg_temp.gid(typename, (value #>> '{}')::bigint); END IF;
  text_value := value #>> '{}';
  IF text_value = '' THEN RETURN 'null'::jsonb; END IF;
  IF pg_temp.is_gid(text_value, typename) THEN RETURN value; END IF;
  IF text_value ~ '^#[0-9]{1,10}$' THEN RETURN pg_temp.gid(typename, substr(text_value, 2)::bigint); END IF;
  found := CASE typename
    WHEN 'Actor' THEN (SELECT id FROM actor WHERE key = text_value)
    WHEN 'Place' THEN (SELECT id FROM place WHERE key = text_value)
    WHEN 'Process' THEN (SELECT id FROM process WHERE key = text_value)
    WHEN 'Event' THEN (SELECT id FROM event WHERE key = text_value)
    WHEN 'Source' THEN (SELECT id FROM source WHERE key = text_value)
    WHEN 'Position' THEN (SELECT id FROM "position" WHERE key = text_value)
  END;
  RETURN pg_temp.gid(typename, found);
END
$$;

-- A list of references, sorted, each once; unknown ones left out.
CREATE FUNCTION pg_temp.refs(value jsonb, typename text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN value IS NULL OR jsonb_typeof(value) <> 'array' THEN value ELSE coalesce(
    (SELECT jsonb_agg(r ORDER BY r #>> '{}' COLLATE "C")
       FROM (SELECT DISTINCT pg_temp.ref(e, typename) AS r FROM jsonb_array_elements(value) e) x WHERE jsonb_typeof(r) <> 'null'),
    '[]'::jsonb) END
$$;

-- Participants as { actor, role, note }, from objects or from "actor|role|note" and "actor|role".
CREATE FUNCTION pg_temp.participants(value jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN value IS NULL OR jsonb_typeof(value) <> 'array' THEN value ELSE coalesce(
    (SELECT jsonb_agg(jsonb_build_object('actor', actor, 'role', role, 'note', note)
                      ORDER BY actor #>> '{}' COLLATE "C", role COLLATE "C", note IS NULL, note COLLATE "C")
       FROM (SELECT DISTINCT
               pg_temp.ref(CASE WHEN jsonb_typeof(e) = 'string' THEN to_jsonb(split_part(e #>> '{}', '|', 1)) ELSE e -> 'actor' END, 'Actor') AS actor,
               CASE WHEN jsonb_typeof(e) = 'string' THEN split_part(e #>> '{}', '|', 2) ELSE e ->> 'role' END AS role,
               CASE WHEN jsonb_typeof(e) = 'string' THEN nullif(substring(e #>> '{}' FROM '^[^|]*\|[^|]*\|(.*)$'), '') ELSE e ->> 'note' END AS note
             FROM jsonb_array_elements(value) e) x),
    '[]'::jsonb) END
$$;

-- Links as { kind, event }, from objects or from "kind|event".
CREATE FUNCTION pg_temp.links(value jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN value IS NULL OR jsonb_typeof(value) <> 'array' THEN value ELSE coalesce(
    (SELECT jsonb_agg(jsonb_build_object('kind', kind, 'event', event) ORDER BY kind COLLATE "C", event #>> '{}' COLLATE "C")
       FROM (SELECT DISTINCT
               CASE WHEN jsonb_typeof(e) = 'string' THEN split_part(e #>> '{}', '|', 1) ELSE e ->> 'kind' END AS kind,
               pg_temp.ref(CASE WHEN jsonb_typeof(e) = 'string' THEN to_jsonb(substring(e #>> '{}' FROM '^[^|]*\|(.*)$')) ELSE e -> 'event' END, 'Event') AS event
             FROM jsonb_array_elements(value) e) x),
    '[]'::jsonb) END
$$;

-- One field's value in the canonical form, by entity.
CREATE FUNCTION pg_temp.field(entity text, name text, value jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN entity = 'Event' AND name = 'process' THEN pg_temp.ref(value, 'Process')
    WHEN entity = 'Event' AND name = 'places' THEN pg_temp.refs(value, 'Place')
    WHEN entity = 'Event' AND name = 'participants' THEN pg_temp.participants(value)
    WHEN entity = 'Event' AND name = 'links' THEN pg_temp.links(value)
    WHEN entity = 'Position' AND name = 'holder' THEN pg_temp.ref(value, 'Actor')
    WHEN entity = 'Position' AND name = 'process' THEN pg_temp.ref(value, 'Process')
    WHEN entity = 'Position' AND name = 'event' THEN pg_temp.ref(value, 'Event')
    WHEN entity = 'Position' AND name IN ('respondsTo', 'supersedes') THEN pg_temp.ref(value, 'Position')
    WHEN entity = 'Source' AND name = 'outlet' THEN pg_temp.ref(value, 'Actor')
    WHEN entity = 'Source' AND name = 'cites' THEN pg_temp.refs(value, 'Actor')
    WHEN entity = 'Claim' AND name = 'source' THEN pg_temp.ref(value, 'Source')
    WHEN entity = 'Claim' AND name = 'event' THEN pg_temp.ref(value, 'Event')
    WHEN entity = 'Claim' AND name IN ('actor', 'speaker') THEN pg_temp.ref(value, 'Actor')
    WHEN entity = 'Claim' AND name = 'position' THEN pg_temp.ref(value, 'Position')
    WHEN entity = 'Place' AND name = 'within' THEN pg_temp.ref(value, 'Place')
    ELSE value
  END
$$;

-- The fields of a whole record that a writer left out, with the values it gave them.
CREATE FUNCTION pg_temp.whole(entity text, snapshot jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE entity
    WHEN 'Event' THEN '{"outcome": null, "process": null, "links": []}'::jsonb
    WHEN 'Source' THEN '{"url": null, "language": null, "author": null, "document": null, "cites": []}'::jsonb
    WHEN 'Claim' THEN '{"actor": null, "speaker": null}'::jsonb
    WHEN 'Actor' THEN '{"description": null, "country": null, "externalIds": {}, "aliases": [], "affiliations": []}'::jsonb
    ELSE '{}'::jsonb
  END || snapshot
$$;

-- A whole record as a candidate review or ingestion recorded it ({ field: [null, value] }, database IDs).
CREATE FUNCTION pg_temp.reviewed(entity text, entity_id int, pairs jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  v jsonb;
BEGIN
  SELECT coalesce(jsonb_object_agg(key, value -> 1), '{}'::jsonb) INTO v FROM jsonb_each(pairs);
  IF entity = 'Event' THEN
    RETURN jsonb_build_object(
      'type', v -> 'type', 'title', v -> 'title', 'summary', '', 'startDate', v -> 'startDate',
      'endDate', (SELECT to_jsonb(c.payload ->> 'endDate') FROM candidate c WHERE c.id = (v ->> 'candidate')::int),
      'datePrecision', v -> 'datePrecision', 'outcome', null, 'fatalitiesLow', null, 'fatalitiesBest', null, 'fatalitiesHigh', null,
      'process', null,
      'places', CASE WHEN jsonb_typeof(v -> 'placeId') = 'number' THEN jsonb_build_array(pg_temp.gid('Place', (v ->> 'placeId')::bigint)) ELSE '[]'::jsonb END,
      'participants', pg_temp.participants((
        SELECT coalesce(jsonb_agg(jsonb_build_object('actor', a, 'role',
                 coalesce((SELECT p.role::text FROM participant p WHERE p.event_id = entity_id AND p.actor_id = (a #>> '{}')::int ORDER BY p.id LIMIT 1), 'PARTY'),
                 'note', null)), '[]'::jsonb)
          FROM jsonb_array_elements(coalesce(v -> 'participants', '[]'::jsonb)) a)),
      'links', '[]'::jsonb);
  ELSIF entity = 'Claim' THEN
    RETURN jsonb_build_object(
      'source', pg_temp.gid('Source', (v ->> 'sourceId')::bigint), 'event', pg_temp.gid('Event', (v ->> 'eventId')::bigint), 'actor', null,
      'quote', v -> 'quote', 'stance', 'ASSERTS', 'speaker', null, 'speakerLabel', null, 'note', null);
  ELSIF entity = 'Actor' THEN
    RETURN jsonb_build_object('name', v -> 'name', 'kind', v -> 'kind', 'description', null, 'country', null, 'externalIds', '{}'::jsonb,
      'aliases', '[]'::jsonb, 'affiliations', '[]'::jsonb);
  ELSIF entity = 'Place' THEN
    RETURN (SELECT jsonb_build_object('name', v -> 'name', 'kind', p.kind::text, 'country', v -> 'country', 'lat', p.lat, 'lon', p.lon, 'within', null)
              FROM (SELECT NULL) one LEFT JOIN place p ON p.id = entity_id);
  ELSIF entity = 'Source' THEN
    RETURN (SELECT jsonb_build_object(
              'title', v -> 'title', 'url', s.url, 'publishedAt', v -> 'publishedAt',
              'publishedPrecision', CASE WHEN jsonb_typeof(v -> 'publishedAt') = 'string' THEN 'DAY' END,
              'language', s.language, 'author', s.author, 'document', s.document,
              'outlet', pg_temp.gid('Actor', (v ->> 'outletId')::bigint), 'cites', '[]'::jsonb)
              FROM (SELECT NULL) one LEFT JOIN source s ON s.id = entity_id);
  END IF;
  RETURN pairs;
END
$$;

CREATE FUNCTION pg_temp.canonical(entity text, action text, entity_id int, changes jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  snapshot jsonb := changes;
BEGIN
  IF jsonb_typeof(changes) <> 'object' OR changes = '{}'::jsonb THEN RETURN changes; END IF;
  IF action = 'UPDATE' OR action = 'MERGE' THEN
    -- { field: [before, after] }, each side in its canonical form.
    IF action = 'MERGE' THEN RETURN changes; END IF;
    RETURN (SELECT jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'array' AND jsonb_array_length(value) = 2
                                              THEN jsonb_build_array(pg_temp.field(entity, key, value -> 0), pg_temp.field(entity, key, value -> 1))
                                              ELSE value END)
              FROM jsonb_each(changes));
  END IF;
  -- CREATE and DELETE: the whole record.
  IF NOT EXISTS (SELECT 1 FROM jsonb_each(changes) WHERE NOT (jsonb_typeof(value) = 'array' AND jsonb_array_length(value) = 2 AND jsonb_typeof(value -> 0) = 'null')) THEN
    snapshot := pg_temp.reviewed(entity, entity_id, changes);
  ELSIF entity = 'Claim' AND changes ? 'sourceId' AND changes ? 'createdAt' THEN
    -- A claim row as the data-file loader recorded deleting it.
    snapshot := jsonb_build_object(
      'source', pg_temp.gid('Source', (changes ->> 'sourceId')::bigint), 'event', pg_temp.gid('Event', (changes ->> 'eventId')::bigint),
      'actor', pg_temp.gid('Actor', (changes ->> 'actorId')::bigint), 'quote', changes -> 'quote', 'stance', changes -> 'stance',
      'speaker', pg_temp.gid('Actor', (changes ->> 'speakerId')::bigint), 'speakerLabel', changes -> 'speakerLabel', 'note', changes -> 'note')
      || CASE WHEN jsonb_typeof(changes -> 'positionId') = 'number' THEN jsonb_build_object('position', pg_temp.gid('Position', (changes ->> 'positionId')::bigint)) ELSE '{}'::jsonb END;
  ELSE
    snapshot := pg_temp.whole(entity, changes);
  END IF;
  RETURN (SELECT jsonb_object_agg(key, pg_temp.field(entity, key, value)) FROM jsonb_each(snapshot));
END
$$;

UPDATE revision
   SET changes = pg_temp.canonical(entity_type, action::text, entity_id, changes)
 WHERE entity_type IN ('Event', 'Claim', 'Source', 'Position', 'Place', 'Actor');
