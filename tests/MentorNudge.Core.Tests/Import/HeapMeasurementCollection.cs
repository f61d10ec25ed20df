namespace MentorNudge.Core.Tests.Import;

/// <summary>Tests that measure the live heap run alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(ContactCsvReaderMemoryTests.Name, DisableParallelization = true)]
public sealed class HeapMeasurementCollection;
