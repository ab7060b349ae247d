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

-- Which outlets reported a figure that disagrees with everyone else, and did they correct it later?
SELECT o.claim_key, o.outlet, o.observed_at::DATE AS reported, o.surface, o.consensus,
       t.consensus_support AS outlets_agreeing, d.why,
       CASE WHEN o.superseded_at IS NOT NULL THEN 'corrected in the article, ' || o.superseded_at::DATE
            WHEN later.at IS NOT NULL THEN 'a later report agrees, ' || later.at::DATE
            WHEN a.n_fetches <= 1 THEN 'never re-checked'
            ELSE 'not corrected (fetched ' || a.n_fetches || ' times, last ' || a.last_fetched_at::DATE || ')'
       END AS corrected
FROM marts.figure_observations o
JOIN marts.figure_timeline t USING (claim_key)
JOIN core.latest_articles a USING (article_id)
LEFT JOIN LATERAL (SELECT min(l.observed_at) AS at FROM marts.figure_observations l
                   WHERE l.claim_key = o.claim_key AND l.outlet = o.outlet
                     AND l.observed_at > o.observed_at AND l.consensus = 'agrees') later ON true
LEFT JOIN LATERAL (SELECT first(x.why) AS why FROM marts.figure_discrepancies x
                   WHERE o.fact_id IN (x.fact_id_a, x.fact_id_b)
                     AND x.likely_wrong IN (CASE WHEN x.fact_id_a = o.fact_id THEN 'a' ELSE 'b' END, 'both')) d ON true
WHERE o.consensus IN ('outlier', 'unit_error')
ORDER BY o.claim_key, o.observed_at;

-- How far do outlets agree on each claim, and who is likely wrong in each disagreement?
SELECT claim_key, consensus_low, consensus_high, consensus_support, consensus_basis, n_sources
FROM marts.figure_timeline ORDER BY n_sources DESC, claim_key;

SELECT claim_key, outlet_a, surface_a, outlet_b, surface_b, likely_wrong, why
FROM marts.figure_discrepancies ORDER BY claim_key;

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
