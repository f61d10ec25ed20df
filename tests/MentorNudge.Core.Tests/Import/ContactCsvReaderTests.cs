using MentorNudge.Core.Import;

namespace MentorNudge.Core.Tests.Import;

public sealed class ContactCsvReaderTests
{
    [Fact]
    public async Task ReadAsync_LinkedInConnections_SkipsPreambleAndMapsColumns()
    {
        var cards = await Corpus.ReadAsync("linkedin-connections.csv");

        Assert.Equal(4, cards.Count);
        var ada = cards[0];
        Assert.Equal(5, ada.Line);
        Assert.Equal("Ada Lovelace", ada.Name);
        Assert.Equal(["ada@example.org"], ada.Emails);
        Assert.Equal(["https://www.linkedin.com/in/adalovelace"], ada.Links);
        Assert.Equal("Analytical Engines", ada.Company);
        Assert.Equal("Chief Mathematician, R&D", ada.Title);
        Assert.Empty(cards[1].Emails);
        Assert.Equal("José Álvarez", cards[2].Name);
        Assert.Equal("Banco \"Central\"", cards[2].Company);
    }

    [Fact]
    public async Task ReadAsync_GoogleExport_SplitsMultiValueEmailsAndReadsWebsite()
    {
        var card = Assert.Single(await Corpus.ReadAsync("google-contacts.csv"));

        Assert.Equal("Grace Hopper", card.Name);
        Assert.Equal(["grace@example.com", "grace.h@example.org", "grace.hopper@navy.example"], card.Emails);
        Assert.Equal(["https://grace.example.com"], card.Links);
        Assert.Equal("US Navy", card.Company);
        Assert.Equal("Rear Admiral", card.Title);
        Assert.Equal("Met at the COBOL meetup", card.Note);
    }

    [Fact]
    public async Task ReadAsync_OutlookExport_JobTitleWinsOverHonorific()
    {
        var card = Assert.Single(await Corpus.ReadAsync("outlook-contacts.csv"));

        Assert.Equal("Jürgen Müller", card.Name);
        Assert.Equal("Geschäftsführer", card.Title);
        Assert.Equal(["juergen.mueller@contoso.example", "jm@example.de"], card.Emails);
        Assert.Equal(["http://www.contoso.example/"], card.Links);
    }

    [Fact]
    public async Task ReadAsync_PlainCsv_MultilineQuotedNoteAndNameOnlyRow()
    {
        var cards = await Corpus.ReadAsync("plain.csv");

        Assert.Equal(2, cards.Count);
        Assert.Equal(["liskov@example.edu", "barbara@example.com"], cards[0].Emails);
        Assert.Equal(["linkedin.com/in/barbaraliskov"], cards[0].Links);
        Assert.Equal("Substitution principle;\nasked about teaching", cards[0].Note);
        Assert.Equal("Edsger Dijkstra", cards[1].Name);
        Assert.Empty(cards[1].Emails);
    }

    [Fact]
    public async Task ReadAsync_NoHeaderRow_ThrowsContactFileException()
    {
        await Assert.ThrowsAsync<ContactFileException>(() => Corpus.ReadTextAsync("Ada,ada@example.org\nBob,bob@example.org\n", vcard: false));
    }
}
