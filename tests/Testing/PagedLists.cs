using System.Net.Http.Json;
using System.Text.Json;

namespace BrandPlatform.Testing;

/// <summary>Reads a list the way a caller must: page after page, following 'next' until it is null.</summary>
public static class PagedLists
{
    public static async Task<List<JsonElement>> AllItemsAsync(this HttpClient client, string url, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next, cancellationToken);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return items;
    }
}
