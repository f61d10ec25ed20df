using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Model;

namespace MentorNudge.Core.Tests.Content.Digest;

public sealed class PromptCatalogTests
{
    [Theory]
    [InlineData(Connection.Existing, false, false, false)]
    [InlineData(Connection.Existing, true, true, true)]
    [InlineData(Connection.Admired, false, false, false)]
    [InlineData(Connection.Admired, true, true, true)]
    public void EligibleKinds_AnyPerson_AtLeastTwoSoNoRepeatIsForced(Connection connection, bool link, bool interactions, bool openAsk) =>
        Assert.True(PromptCatalog.EligibleKinds(new(connection, link, interactions, openAsk)).Count >= 2);

    [Fact]
    public void EligibleKinds_CloseTheLoop_OnlyExistingWithInteractions()
    {
        Assert.Contains(AddValuePromptKind.CloseTheLoop, PromptCatalog.EligibleKinds(new(Connection.Existing, true, true, false)));
        Assert.DoesNotContain(AddValuePromptKind.CloseTheLoop, PromptCatalog.EligibleKinds(new(Connection.Existing, true, false, false)));
        Assert.DoesNotContain(AddValuePromptKind.CloseTheLoop, PromptCatalog.EligibleKinds(new(Connection.Admired, true, true, false)));
    }

    [Fact]
    public void EligibleKinds_NoLink_NoCommentOrAmplify()
    {
        var kinds = PromptCatalog.EligibleKinds(new(Connection.Existing, false, true, false));
        Assert.DoesNotContain(AddValuePromptKind.CommentOnWork, kinds);
        Assert.DoesNotContain(AddValuePromptKind.AmplifyWork, kinds);
    }

    [Fact]
    public void Describe_Share_UsesInterestAndWhy()
    {
        var (title, suggestion) = PromptCatalog.Describe(AddValuePromptKind.ShareResource, "Grace Hopper", null, "compilers", false);
        Assert.Equal("Share something on compilers with Grace Hopper", title);
        Assert.Contains("one line on why", suggestion, StringComparison.Ordinal);
    }
}
