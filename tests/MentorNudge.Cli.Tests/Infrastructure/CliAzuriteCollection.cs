using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Cli.Tests.Infrastructure;

// xunit only honours collection definitions in the test assembly itself, so the shared fixture is declared again here.
[CollectionDefinition(Name)]
public sealed class CliAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Cli Azurite";
}
