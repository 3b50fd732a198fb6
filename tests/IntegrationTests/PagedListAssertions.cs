using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests;

public static class PagedListAssertions
{
    /// <summary>
    /// The list at <paramref name="url"/> (a query string or none) read one item a page: the first page holds one item and a
    /// 'next' that leads to the rest, so the pages together are the whole list in the same order. Needs at least two items.
    /// </summary>
    public static async Task ShouldPageOneByOneAsync(this HttpClient client, string url, CancellationToken cancellationToken)
    {
        var whole = await client.AllItemsAsync(url, cancellationToken);
        whole.Count.ShouldBeGreaterThan(1, $"{url} needs two items to show paging");
        var first = await client.GetFromJsonAsync<JsonElement>(url + (url.Contains('?') ? "&" : "?") + "limit=1", cancellationToken);
        first.GetProperty("items").GetArrayLength().ShouldBe(1);
        var next = first.GetProperty("next").GetString().ShouldNotBeNull();
        var rest = await client.AllItemsAsync(next, cancellationToken);
        Texts([first.GetProperty("items")[0], .. rest]).ShouldBe(Texts(whole));
    }

    private static List<string> Texts(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetRawText())];
}
