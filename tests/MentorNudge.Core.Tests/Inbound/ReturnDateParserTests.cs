using MentorNudge.Core.Inbound;
using NodaTime;

namespace MentorNudge.Core.Tests.Inbound;

public sealed class ReturnDateParserTests
{
    private static readonly LocalDate Received = new(2026, 11, 25);

    [Theory]
    [InlineData("I am away and back on 2 December.", 2026, 12, 2)]
    [InlineData("I'll be back on December 2nd, 2026.", 2026, 12, 2)]
    [InlineData("Returning 12/03 with limited access.", 2027, 3, 12)]
    [InlineData("Out until 2026-12-07; replies after that.", 2026, 12, 7)]
    [InlineData("Ich bin ab dem 3. Dezember wieder im Büro.", 2026, 12, 3)]
    [InlineData("Je serai de retour le 4 décembre.", 2026, 12, 4)]
    [InlineData("Back on 10 January", 2027, 1, 10)]
    [InlineData("Back 13/12/2026", 2026, 12, 13)]
    [InlineData("Returning 12/13", 2026, 12, 13)]
    public void FindReturnDate_TextWithDate_FindsDate(string text, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), ReturnDateParser.FindReturnDate(text, Received));

    [Theory]
    [InlineData("I am travelling with limited access to email.")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Back on 2020-01-01")]
    [InlineData("Back on 31 February")]
    public void FindReturnDate_NoUsableDate_Null(string? text) =>
        Assert.Null(ReturnDateParser.FindReturnDate(text, Received));

    [Fact]
    public void FindReturnDate_DateOnReceivedDay_IsNotAReturnDate() =>
        Assert.Null(ReturnDateParser.FindReturnDate("Back on 2026-11-25", Received));
}
