using MentorNudge.Core.Import;

namespace MentorNudge.Core.Tests.Import;

public sealed class VCardReaderTests
{
    [Fact]
    public async Task ReadAsync_AppleCard_EscapedUrlsGroupsAndSocialProfile()
    {
        var cards = await Corpus.ReadAsync("apple-contacts.vcf");

        Assert.Equal(2, cards.Count);
        var ada = cards[0];
        Assert.Equal(1, ada.Line);
        Assert.Equal("Ada Lovelace", ada.Name);
        Assert.Equal(["ada@example.org", "ada.lovelace@engines.example"], ada.Emails);
        Assert.Equal(["https://ada.example.org/", "https://www.linkedin.com/in/adalovelace"], ada.Links);
        Assert.Equal("Analytical Engines Ltd", ada.Company);
        Assert.Equal("Chief Mathematician", ada.Title);
    }

    [Fact]
    public async Task ReadAsync_AppleCardAfterLargePhoto_NonAsciiNameAndEscapedNote()
    {
        var cards = await Corpus.ReadAsync("apple-contacts.vcf");

        var hiroshi = cards[1];
        Assert.Equal("中村 博", hiroshi.Name);
        Assert.Equal("東京大学", hiroshi.Company);
        Assert.Equal("Introduced by Ada, at the\nKyoto workshop.", hiroshi.Note);
        Assert.Equal(["hiroshi@example.jp"], hiroshi.Emails);
    }

    [Fact]
    public async Task ReadAsync_GoogleExport_UnfoldsFoldedNoteAndKeepsAccents()
    {
        var cards = await Corpus.ReadAsync("google-contacts.vcf");

        Assert.Equal(2, cards.Count);
        Assert.Equal("Met at the COBOL meetup, 2019.\nAsked about compilers and how to explain them to people who have never written a line of code.", cards[0].Note);
        Assert.Equal(["grace@example.com", "grace.hopper@navy.example"], cards[0].Emails);
        Assert.Equal("José Álvarez-Núñez", cards[1].Name);
        Assert.Equal(15, cards[1].Line);
    }

    [Fact]
    public async Task ReadAsync_Outlook21QuotedPrintable_DecodesCharsetAndSoftBreaks()
    {
        var card = Assert.Single(await Corpus.ReadAsync("outlook-contact.vcf"));

        Assert.Equal("Jürgen Müller", card.Name);
        Assert.Equal("Geschäftsführer", card.Title);
        Assert.Equal("Contoso GmbH", card.Company);
        Assert.Equal(["juergen.mueller@contoso.example", "jm@example.de"], card.Emails);
        Assert.Equal(["http://www.contoso.example/"], card.Links);
        Assert.Equal("First line\r\nA second line long enough that Outlook wraps it with a soft line break here.", card.Note);
    }

    [Fact]
    public async Task ReadAsync_Version4AndNameOnlyFromN_BuildsDisplayName()
    {
        var cards = await Corpus.ReadAsync("vcard4.vcf");

        Assert.Equal("Katherine Johnson", cards[0].Name);
        Assert.Equal(["kj@nasa.example", "katherine@example.net"], cards[0].Emails);
        Assert.Equal("NASA", cards[0].Company);
        Assert.Equal("Dr. Mae C. Jemison", cards[1].Name);
    }

    [Fact]
    public async Task ReadAsync_NoCard_ThrowsContactFileException()
    {
        await Assert.ThrowsAsync<ContactFileException>(() => Corpus.ReadTextAsync("name,email\nAda,ada@example.org\n", vcard: true));
    }

    [Fact]
    public async Task ReadAsync_CardWithoutEnd_ThrowsNamingItsLine()
    {
        var ex = await Assert.ThrowsAsync<ContactFileException>(() => Corpus.ReadTextAsync("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\n", vcard: true));

        Assert.Equal(5, ex.Line);
    }

    [Fact]
    public async Task ReadAsync_HugeNote_CutToMaxValueLength()
    {
        var note = new string('x', VCardReader.MaxValueLength * 3);

        var card = Assert.Single(await Corpus.ReadTextAsync($"BEGIN:VCARD\nFN:Ada\nNOTE:{note}\nEND:VCARD\n", vcard: true));

        Assert.Equal(VCardReader.MaxValueLength, card.Note!.Length);
    }
}
