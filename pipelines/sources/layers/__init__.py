"""The parsing layers every outlet uses: HTML text, JSON-LD, meta tags, metadata merge, selectors, dates,
authors, page kinds (bot walls, fronts, paywalls), the page context, the generic (trafilatura) body and
the final assembly into a ParsedPage."""
