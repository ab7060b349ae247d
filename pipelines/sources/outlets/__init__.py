"""The outlets, one module each. A module holds the outlet's parser and template eras and ends with its
``PUBLISHER`` (:class:`pipelines.sources.publisher.Publisher`); adding an outlet is adding its module and
its line below. The order is the order of partitions and of markup detection."""

from . import cnn, news1, nyt

PUBLISHERS = (news1.PUBLISHER, cnn.PUBLISHER, nyt.PUBLISHER)
