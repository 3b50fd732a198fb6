using System.Net.Http.Json;
using BrandPlatform.IntegrationTests.Authorization;
using BrandPlatform.IntegrationTests.Liaison;
using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.IntegrationTests.Community;

/// <summary>
/// The authorization matrix's community records, all of 第二党支部 (the officer's branch; on the community service's
/// copy of the rosters): a community paired with it, the officer's registration there and a service they recorded, a
/// practical matter the officer owns, an item in review and a published good practice written up from the service.
/// To the secretary and the member of 第一党支部 they are someone else's.
/// </summary>
public static class CommunityMatrixRecords
{
    public sealed record Records(
        Guid Community, Guid Pairing, Guid PairingToEnd, Guid Registration, Guid Theme, Guid Service, Guid Matter, Guid Item, Guid PublishedItem, string Marker);

    internal static async Task<Records> SetUpAsync(
        WholePlatformFixture platform, HttpClient office, HttpClient officerClient, Guid officer, string marker, CancellationToken cancellationToken)
    {
        var branch = platform.Units["第二党支部"];
        await CommunityRosters.PutOnRosterAsync(platform.Services["community"].Services, officer, branch, UnitKinds.Branch, "第二党支部党务干事", cancellationToken);
        var today = AccessMatrix.Today;
        var community = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/communities", CommunityBody("矩阵社区" + marker), cancellationToken));
        var other = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/communities", CommunityBody("矩阵社区二" + marker), cancellationToken));
        var pairing = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/pairings",
            new { branchId = branch, communityId = community, from = today }, cancellationToken));
        var pairingToEnd = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/pairings",
            new { branchId = branch, communityId = other, from = today }, cancellationToken));
        var registration = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/community/registrations",
            new { communityId = community, registeredOn = today }, cancellationToken));
        var theme = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/themes",
            new { year = 2099, quarter = 1, title = "矩阵主题" + marker }, cancellationToken));
        var service = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/community/services", ServiceBody(community), cancellationToken));
        var matter = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/community/practical-matters", MatterBody(branch, officer, marker), cancellationToken));
        var item = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/community/publicity/items", ItemBody(branch, service, "news", marker),
            cancellationToken));
        await LiaisonWorld.ReadAsync(await officerClient.PostAsync($"/api/community/publicity/items/{item}/submit", null, cancellationToken), System.Net.HttpStatusCode.OK);
        var published = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/community/publicity/items",
            ItemBody(branch, service, "goodPractice", marker + "好经验"), cancellationToken));
        await LiaisonWorld.ReadAsync(await officerClient.PostAsync($"/api/community/publicity/items/{published}/submit", null, cancellationToken), System.Net.HttpStatusCode.OK);
        await LiaisonWorld.ReadAsync(await office.PostAsync($"/api/community/publicity/items/{published}/approve", null, cancellationToken), System.Net.HttpStatusCode.OK);
        return new Records(community, pairing, pairingToEnd, registration, theme, service, matter, item, published, marker);
    }

    public static object CommunityBody(string name) => new { name, street = "城关街道", contactName = "王敏", contactPhone = "13912345678" };

    public static object ServiceBody(Guid community) => new
    {
        communityId = community, on = AccessMatrix.Today, peopleServed = 12, summary = "矩阵志愿服务：为老人测血压。",
    };

    public static object MatterBody(Guid unit, Guid owner, string marker)
    {
        var deadline = ChinaCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new
        {
            year = int.Parse(deadline[..4], System.Globalization.CultureInfo.InvariantCulture), title = "矩阵实事" + marker, description = "矩阵实事说明。",
            ownerUnitId = unit, ownerPersonId = owner, deadline, beneficiaries = "辖区居民", feedbackCadence = "monthly", milestoneDues = new[] { deadline },
        };
    }

    public static object ItemBody(Guid branch, Guid service, string kind, string marker) => new
    {
        kind, branchId = branch, title = "矩阵稿件" + marker, summary = "矩阵摘要。", body = "矩阵正文。", sourceKind = "communityService", sourceId = service,
    };

    public static object ThemeBody => new { title = "矩阵主题", description = "矩阵。", servicesPerBranch = 2 };
}
