using MentorNudge.Infrastructure.Tests.Azurite;

namespace MentorNudge.Api.Tests.Infrastructure;

/// <summary>One real Azurite for this assembly's storage-backed API tests.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Api storage";
}
