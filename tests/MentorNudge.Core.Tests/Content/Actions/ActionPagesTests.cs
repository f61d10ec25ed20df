using MentorNudge.Core.Content.Actions;

namespace MentorNudge.Core.Tests.Content.Actions;

public sealed class ActionPagesTests
{
    private static readonly Uri Url = new("https://nudge.example.org/api/v1/actions/abc.def");

    [Theory]
    [InlineData(ActionKind.Replied)]
    [InlineData(ActionKind.Snooze)]
    [InlineData(ActionKind.Stop)]
    [InlineData(ActionKind.Unsubscribe)]
    public void Confirm_EveryAction_PostsToTheLinkAndEscapes(ActionKind action)
    {
        var html = ActionPages.Confirm(action, "<script>x</script>", Url);
        Assert.Contains("<form method=\"post\" action=\"https://nudge.example.org/api/v1/actions/abc.def\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("max-width:600px", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_Expired_SaysSo() =>
        Assert.Contains("expired", ActionPages.Done(null, null, ActionTokenFailure.Expired), StringComparison.Ordinal);

    [Fact]
    public void Done_Stop_EscapesName()
    {
        var html = ActionPages.Done(ActionKind.Stop, "\"Eve\" <b>");
        Assert.Contains("&quot;Eve&quot; &lt;b&gt;", html, StringComparison.Ordinal);
    }
}
