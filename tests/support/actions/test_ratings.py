import pytest

from support.actions.ratings import RatingRefused, rate_conversation
from support.models import Conversation, TimelineEvent
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


def test_rating_is_recorded_once_with_its_comment_masked(django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        rated = rate_conversation(conversation, rating=4, comment=" Quick, thanks! card 4111 1111 1111 1111 ")
    assert (rated.rating, rated.rating_comment) == (4, "Quick, thanks! card •••• 1111")
    assert list(TimelineEvent.objects.values_list("kind", "actor", "data")) == [
        ("conversation.rated", "shopper", {"rating": 4})]
    assert len(callbacks) == 1

    with pytest.raises(RatingRefused, match="already_rated"):
        rate_conversation(conversation, rating=1)
    assert Conversation.objects.get(pk=conversation.pk).rating == 4
    assert TimelineEvent.objects.count() == 1


@pytest.mark.parametrize("rating, comment, reason", [
    (0, "", "rating_out_of_range"), (6, "", "rating_out_of_range"), (True, "", "rating_out_of_range"),
    ("5", "", "rating_out_of_range"), (5, "x" * 1001, "comment_too_long"),
])
def test_bad_ratings_are_refused_and_store_nothing(rating, comment, reason):
    conversation = ConversationFactory()
    with pytest.raises(RatingRefused, match=reason):
        rate_conversation(conversation, rating=rating, comment=comment)
    conversation.refresh_from_db()
    assert (conversation.rating, conversation.rated_at) == (None, None)
    assert not TimelineEvent.objects.exists()
