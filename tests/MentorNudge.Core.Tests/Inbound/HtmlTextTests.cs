using MentorNudge.Core.Inbound;

namespace MentorNudge.Core.Tests.Inbound;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToPlainText_BlocksAndBreaks_BecomeLines()
    {
        var html = "<div>Hi Ada,</div><div><br></div><p>Line one<br>line two</p><ul><li>first</li><li>second</li></ul>";

        Assert.Equal("Hi Ada,\n\nLine one\nline two\n\n- first\n- second", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void ToPlainText_EntitiesAndSourceWhitespace_DecodedAndCollapsed()
    {
        Assert.Equal("Tom & Jerry caf\u00e9 \"quoted\"", HtmlText.ToPlainText("<p>Tom   &amp;\n  Jerry&nbsp;caf&eacute; &quot;quoted&quot;</p>"));
    }

    [Fact]
    public void ToPlainText_StyleScriptHeadAndComments_Dropped()
    {
        var html = "<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hidden --><script>alert(1)</script><p>Visible</p></body></html>";

        Assert.Equal("Visible", HtmlText.ToPlainText(html));
    }

    [Theory]
    [InlineData("<div class=\"gmail_quote\">On Tue, Ada wrote:<blockquote>old</blockquote></div>")]
    [InlineData("<blockquote type=\"cite\">old</blockquote>")]
    [InlineData("<div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Ada</div>old")]
    public void ToPlainText_QuotedHistoryContainers_Cut(string history)
    {
        Assert.Equal("New words", HtmlText.ToPlainText("<div>New words</div>" + history));
    }

    [Fact]
    public void ToPlainText_NullOrEmpty_Empty()
    {
        Assert.Equal("", HtmlText.ToPlainText(null));
        Assert.Equal("", HtmlText.ToPlainText(""));
    }
}
