"""One module per outlet, each declaring its Publisher (see ``pipelines.sources.publisher``)."""
