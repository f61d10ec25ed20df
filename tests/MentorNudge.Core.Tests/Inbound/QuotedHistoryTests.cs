using MentorNudge.Core.Inbound;

namespace MentorNudge.Core.Tests.Inbound;

public sealed class QuotedHistoryTests
{
    [Fact]
    public void Strip_GmailWroteLine_CutsFromThere()
    {
        var text = "Sounds good, Thursday works.\n\nOn Tue, 3 Mar 2026 at 18:40, Ada <ada@example.org> wrote:\n> Shall we meet?\n";

        Assert.Equal("Sounds good, Thursday works.", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_WroteLineWrappedOverTwoLines_CutsFromThere()
    {
        var text = "Thanks!\n\nOn Tue, 3 Mar 2026 at 18:40, Ada Lovelace <ada@analytical.example>\nwrote:\n\n> hi";

        Assert.Equal("Thanks!", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_OutlookHeaderBlock_CutsFromFrom()
    {
        var text = "Happy to help.\r\n\r\n________________________________\r\nFrom: Ada Lovelace <ada@example.org>\r\nSent: Monday, March 2, 2026 4:10 PM\r\nTo: Sam\r\nSubject: Slides\r\n\r\nOld text";

        Assert.Equal("Happy to help.", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_OutlookBoldHeaderBlockWithoutRule_CutsFromFrom()
    {
        var text = "See below.\n\n*From:* Ada <ada@example.org>\n*Sent:* Monday\n*To:* Sam\n\nOld";

        Assert.Equal("See below.", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_FromLineInProse_Kept()
    {
        var text = "From: the team, a thank-you.\nWe loved the session.";

        Assert.Equal(text, QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_OriginalMessageMarker_CutsFromThere()
    {
        Assert.Equal("New text", QuotedHistory.Strip("New text\n\n-----Original Message-----\nFrom: x\nOld"));
    }

    [Theory]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("Begin forwarded message:")]
    public void Strip_ForwardMarker_KeepsTheNoteAbove(string marker)
    {
        Assert.Equal("Have a look at this.", QuotedHistory.Strip($"Have a look at this.\n\n{marker}\nFrom: someone\n\nForwarded body"));
    }

    [Fact]
    public void Strip_SignatureDelimiter_Cut()
    {
        Assert.Equal("Best,\nSam", QuotedHistory.Strip("Best,\nSam\n-- \nSam Rivera\nStaff Engineer"));
    }

    [Fact]
    public void Strip_SentFromMyIPhone_Cut()
    {
        Assert.Equal("Quick question: lunch Friday?", QuotedHistory.Strip("Quick question: lunch Friday?\n\nSent from my iPhone"));
    }

    [Fact]
    public void Strip_InterleavedQuotes_KeepsOwnLinesOnly()
    {
        var text = "> Could you share the deck?\nAttached.\n> And the notes?\nWill send tomorrow.";

        Assert.Equal("Attached.\nWill send tomorrow.", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_NoHistory_Unchanged()
    {
        var text = "Hi Ada,\n\nCould I ask two questions about your talk?\n\nSam";

        Assert.Equal(text, QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_NullOrEmpty_Empty()
    {
        Assert.Equal("", QuotedHistory.Strip(null));
        Assert.Equal("", QuotedHistory.Strip("\n\n"));
    }
}
