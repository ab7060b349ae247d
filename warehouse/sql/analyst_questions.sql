-- The README's analyst questions, one query each, on the published snapshot (read-only).
-- In Harlequin (`make sql`): Ctrl+O opens this file in an editor tab, Ctrl+Enter runs the query under the
-- cursor. Without the IDE: `chipwatch sql -f warehouse/sql/analyst_questions.sql` runs them all.

-- How did the reported DeepSeek training cost change, and who reported what?
SELECT scope, observed_at, outlet, headline, surface, value, unit, qualifier, relation_to_previous,
       is_recitation, first_reported_at
FROM marts.claim_reports
WHERE subject = 'DeepSeek' AND metric = 'training_cost' AND unit = 'USD'
ORDER BY scope NULLS FIRST, observed_at;

-- Where do outlets disagree?
SELECT claim_key, kind, outlet_a, observed_at_a, surface_a, outlet_b, observed_at_b, surface_b
FROM marts.figure_discrepancies ORDER BY claim_key, observed_at_b;

-- Which figures changed when an outlet revised an article?
SELECT url, from_version, to_version, detected_at, facts_changed, chars_added, chars_removed
FROM marts.article_revisions;

-- Which reports only re-cite an older figure, and when was it first reported?
SELECT claim_key, observed_at, outlet, surface, first_reported_at
FROM marts.figure_observations WHERE is_recitation ORDER BY claim_key, observed_at;

-- Who copied whom: each figure's first report and who re-cited it when, in both languages?
SELECT claim_key, first_outlet, hops, reported_at, outlet, language, surface, recited_from
FROM marts.citation_chains;

-- Which re-citations dropped a qualifier or a date?
SELECT observed_at, outlet, surface, cites_outlet, cites_observed_at, cites_surface,
       dropped_qualifier, dropped_date, rounding_changes_meaning
FROM marts.figure_citations
WHERE dropped_qualifier IS NOT NULL OR dropped_date IS NOT NULL OR rounding_changes_meaning
ORDER BY observed_at, outlet;
