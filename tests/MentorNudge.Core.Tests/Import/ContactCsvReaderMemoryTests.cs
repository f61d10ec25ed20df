using MentorNudge.Core.Import;

namespace MentorNudge.Core.Tests.Import;

/// <summary>
/// The streaming promise of <see cref="ContactCsvReader"/>, measured on the live heap. Runs alone
/// (its own collection, no parallel tests) so other tests' allocations do not count as its own.
/// </summary>
[Collection(ContactCsvReaderMemoryTests.Name)]
public sealed class ContactCsvReaderMemoryTests
{
    public const string Name = "Heap measurement";

    [Fact]
    public async Task ReadAsync_ThirtyThousandRows_HeapStaysFlat()
    {
        // The reader holds one row at a time: the live heap after reading 30,000 rows is the
        // same (within a small margin) as after 300, whatever the file size.
        var small = await LiveHeapGrowthAsync(300);
        var large = await LiveHeapGrowthAsync(30_000);

        Assert.True(large < small + 512 * 1024, $"Heap grew {large:N0} bytes over 30,000 rows vs {small:N0} over 300.");
    }

    private static async Task<long> LiveHeapGrowthAsync(int rows)
    {
        using var reader = new GeneratedLinkedInExport(rows);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var count = 0;
        await foreach (var card in ContactCsvReader.ReadAsync(reader))
        {
            if (++count % 1000 == 0 || count == rows)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }

            Assert.NotEmpty(card.Name);
        }

        Assert.Equal(rows, count);
        return peak;
    }
}
