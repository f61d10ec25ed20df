using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;

namespace MentorNudge.Core.Tests.Validation;

public sealed class PersonValidatorTests
{
    private static readonly Person Valid = new(
        "p1", "u1", "Ada Lovelace", ["ada@example.com"], Connection.Admired, PersonRole.Mentor,
        ["math"], ["https://example.com/talk"], "notes", 30, Instant.FromUtc(2026, 1, 1, 0, 0));

    private static FieldError Single(Person person) => Assert.Single(PersonValidator.Validate(person));

    [Fact]
    public void Validate_ValidPerson_NoErrors() => Assert.Empty(PersonValidator.Validate(Valid));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyName_Error(string name) => Assert.Equal("name", Single(Valid with { Name = name }).Field);

    [Theory]
    [InlineData("Ada\r\nBcc: x@example.com")]
    [InlineData("Ada\nLovelace")]
    [InlineData("Ada\tLovelace")]
    public void Validate_NameWithLineBreakOrControl_Error(string name) => Assert.Equal("name", Single(Valid with { Name = name }).Field);

    [Fact]
    public void Validate_NameTooLong_Error() => Assert.Equal("name", Single(Valid with { Name = new string('a', 201) }).Field);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@localhost")]
    [InlineData("ada @example.com")]
    [InlineData("ada@example.com\r\n")]
    public void Validate_BadEmail_NamesTheItem(string email) =>
        Assert.Equal("emails[1]", Single(Valid with { Emails = ["ok@example.com", email] }).Field);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x")]
    [InlineData("/relative/path")]
    public void Validate_NonHttpLink_Error(string link) => Assert.Equal("links[0]", Single(Valid with { Links = [link] }).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Validate_KeepInTouchOutOfRange_Error(int days) =>
        Assert.Equal("keepInTouchEveryDays", Single(Valid with { KeepInTouchEveryDays = days }).Field);

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void Validate_KeepInTouchAtBounds_NoErrors(int days) => Assert.Empty(PersonValidator.Validate(Valid with { KeepInTouchEveryDays = days }));

    [Fact]
    public void Validate_NullKeepInTouch_NoErrors() => Assert.Empty(PersonValidator.Validate(Valid with { KeepInTouchEveryDays = null }));

    [Fact]
    public void Validate_NotesTooLong_Error() => Assert.Equal("notes", Single(Valid with { Notes = new string('n', 4001) }).Field);

    [Fact]
    public void Validate_NotesWithControlCharacter_Error() => Assert.Equal("notes", Single(Valid with { Notes = "bell\u0007" }).Field);

    [Fact]
    public void Validate_NotesWithLineBreaksAndTabs_NoErrors() => Assert.Empty(PersonValidator.Validate(Valid with { Notes = "line one\r\n\tline two" }));

    [Fact]
    public void Validate_TooManyLinks_Error() =>
        Assert.Equal("links", Single(Valid with { Links = [.. Enumerable.Repeat("https://example.com", 21)] }).Field);
}
