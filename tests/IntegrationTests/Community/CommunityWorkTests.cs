using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Contracts.Supervision;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using UglyToad.PdfPig;

namespace BrandPlatform.IntegrationTests.Community;

/// <summary>
/// Community work and publicity on the community service with a broker of its own: a member registers with the
/// community where they live and records a themed service with a resident's problem; the secretary writes the service
/// up, the office approves it and it is on 同心网's feeds, as a WeChat article and on an A3 bulletin sheet; a practical
/// matter follows its supervision task to completion and is written up too. Every step announces itself, with its
/// aggregate's version, in the same transaction.
/// </summary>
public sealed class CommunityWorkTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<CommunityDbContext> community = null!;
    private IReadOnlyDictionary<string, Guid> units = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("community")).ToString() };
        community = await ServiceFactory<CommunityDbContext>.CreateAsync(servers, "community", "communitydb", broker, identity.Backchannel());
        units = await TicketUnits.CopyDirectoryAsync(identity, community);
    }

    [Fact]
    public async Task A_member_s_themed_service_is_written_up_approved_and_published_to_the_feeds_the_wechat_article_and_the_bulletin_sheet()
    {
        var branch = units["第一党支部"];
        var (memberId, member) = await OnRosterAsync("member", branch, UnitKinds.Branch);
        var (_, secretary) = await OnRosterAsync("secretary", branch, UnitKinds.Branch);
        var office = await identity.ClientForPersonAsync(community, "office");
        var today = ChinaCalendar.DateOf(DateTimeOffset.UtcNow);
        var marker = Guid.NewGuid().ToString("N")[..6];

        var communityId = (await ReadAsync(await office.PostAsJsonAsync("/api/community/communities",
            new { name = "幸福里社区" + marker, street = "城关街道", contactName = "王敏", contactPhone = "13912345678" }, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var theme = await ThemeOfTodayAsync(office, today);

        // 报到: once a year; the secretary confirms for the community's contact.
        var registration = await ReadAsync(await member.PostAsJsonAsync("/api/community/registrations", new { communityId, registeredOn = Day(today) }, Cancel),
            HttpStatusCode.Created);
        registration.GetProperty("state").GetString().ShouldBe("pending");
        registration.GetProperty("branchId").GetGuid().ShouldBe(branch);
        using (var again = await member.PostAsJsonAsync("/api/community/registrations", new { communityId, registeredOn = Day(today) }, Cancel))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        using (var future = await member.PostAsJsonAsync("/api/community/registrations", new { communityId, registeredOn = Day(today.AddDays(1)) }, Cancel))
        {
            future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }
        var registrationId = registration.GetProperty("id").GetGuid();
        using (var notTheirs = await member.PostAsJsonAsync($"/api/community/registrations/{registrationId}/confirm",
            new { confirmedBy = "branch", confirmedOn = Day(today) }, Cancel))
        {
            notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a member does not confirm their own registration");
        }
        var confirmed = await ReadAsync(await secretary.PostAsJsonAsync($"/api/community/registrations/{registrationId}/confirm",
            new { confirmedBy = "communityContact", confirmedOn = Day(today), note = "社区电话确认" }, Cancel), HttpStatusCode.OK);
        confirmed.GetProperty("state").GetString().ShouldBe("confirmed");
        (await ReadAsync(await member.GetAsync("/api/community/registrations/mine", Cancel), HttpStatusCode.OK)).GetProperty("id").GetGuid().ShouldBe(registrationId);

        // A themed service where the member lives, with a resident's problem that becomes a ticket.
        var service = await ReadAsync(await member.PostAsJsonAsync("/api/community/services", new
        {
            communityId, on = Day(today), themeId = theme, peopleServed = 36, hours = 3m, summary = "为社区老人测血压、讲解防诈骗知识。",
            photos = new[] { new { fileName = "IMG_2031.jpg", caption = "为老人测血压", takenOn = Day(today), sizeBytes = 2480312L, contentType = "image/jpeg" } },
            residentProblems = new[] { new { residentName = "李桂兰", residentPhone = "13800138000", category = "elderlyCare", title = "独居老人希望助餐上门", description = "希望老年食堂送餐上门。" } },
        }, Cancel), HttpStatusCode.Created);
        var serviceId = service.GetProperty("id").GetGuid();
        service.GetProperty("themeId").GetGuid().ShouldBe(theme);
        service.GetProperty("participants")[0].GetProperty("personId").GetGuid().ShouldBe(memberId);
        service.GetProperty("residentProblems")[0].GetProperty("residentPhone").GetString().ShouldBe("138****8000", "a resident's phone is masked");
        service.ToString().ShouldNotContain("13800138000");
        var announced = await OutboxAsync<ResidentProblemRaised>();
        announced.ShouldContain(p => p.ServiceId == serviceId && p.ResidentPhone == "13800138000" && p.Category == "elderlyCare" && p.AggregateVersion == 1);
        (await OutboxAsync<CommunityServiceRecorded>()).ShouldContain(s => s.ServiceId == serviceId && s.ThemeId == theme && s.ParticipantIds.Contains(memberId));

        using (var elsewhere = await member.PostAsJsonAsync("/api/community/services", new
        {
            communityId = await NewCommunityAsync(office, "未结对社区" + marker), on = Day(today), peopleServed = 1, summary = "未结对也未报到的社区。",
        }, Cancel))
        {
            await FieldRefusedAsync(elsewhere, HttpStatusCode.UnprocessableEntity, "communityId");
        }

        // The secretary writes the service up from its record; the office comments and approves.
        var prefill = await ReadAsync(await secretary.GetAsync($"/api/community/publicity/prefill?sourceKind=communityService&sourceId={serviceId}", Cancel), HttpStatusCode.OK);
        prefill.GetProperty("body").GetString()!.ShouldContain("幸福里社区" + marker);
        prefill.GetProperty("body").GetString()!.ShouldContain("为社区老人测血压");
        var title = "第一党支部党员走进幸福里社区" + marker;
        var item = await ReadAsync(await secretary.PostAsJsonAsync("/api/community/publicity/items", new
        {
            kind = "goodPractice", branchId = branch, title, summary = prefill.GetProperty("summary").GetString(), body = prefill.GetProperty("body").GetString(),
            sourceKind = "communityService", sourceId = serviceId,
        }, Cancel), HttpStatusCode.Created);
        var itemId = item.GetProperty("id").GetGuid();
        item.GetProperty("sourceOccurredAt").GetDateTimeOffset().ShouldBe(ChinaCalendar.At(today, TimeOnly.MinValue));
        using (var early = await office.PostAsync($"/api/community/publicity/items/{itemId}/approve", null, Cancel))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a draft is not in review");
        }
        await ReadAsync(await secretary.PostAsync($"/api/community/publicity/items/{itemId}/submit", null, Cancel), HttpStatusCode.OK);
        using (var byBranch = await secretary.PostAsync($"/api/community/publicity/items/{itemId}/approve", null, Cancel))
        {
            byBranch.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the office approves");
        }
        var queue = await ReadAsync(await office.GetAsync("/api/community/publicity/items?state=inReview", Cancel), HttpStatusCode.OK);
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(itemId);
        await ReadAsync(await office.PostAsJsonAsync($"/api/community/publicity/items/{itemId}/comments", new { text = "很好。" }, Cancel), HttpStatusCode.OK);
        var published = await ReadAsync(await office.PostAsync($"/api/community/publicity/items/{itemId}/approve", null, Cancel), HttpStatusCode.OK);
        published.GetProperty("state").GetString().ShouldBe("published");
        published.GetProperty("comments").GetArrayLength().ShouldBe(1);
        (await OutboxAsync<PublicityItemPublished>()).ShouldContain(p => p.ItemId == itemId && p.SourceOccurredAt == ChinaCalendar.At(today, TimeOnly.MinValue)
            && p.AggregateVersion == 3);

        // 同心网: anyone reads the feeds without signing in.
        using var anonymous = community.CreateClient();
        var rss = XDocument.Parse(await anonymous.GetStringAsync("/api/community/public/feed.rss", Cancel));
        rss.Descendants("item").Select(i => i.Element("title")!.Value).ShouldContain(title);
        var feed = JsonDocument.Parse(await anonymous.GetStringAsync("/api/community/public/feed.json", Cancel)).RootElement;
        feed.GetProperty("version").GetString().ShouldBe("https://jsonfeed.org/version/1.1");
        feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldContain(title);
        (await ReadAsync(await anonymous.GetAsync($"/api/community/public/news/{itemId}", Cancel), HttpStatusCode.OK)).GetProperty("title").GetString().ShouldBe(title);

        using (var wechat = await secretary.GetAsync($"/api/community/publicity/items/{itemId}/wechat", Cancel))
        {
            wechat.StatusCode.ShouldBe(HttpStatusCode.OK);
            wechat.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            var html = await wechat.Content.ReadAsStringAsync(Cancel);
            html.ShouldContain(title);
            html.ShouldContain("IMG_2031.jpg", Case.Sensitive, "the service's photo is referenced");
            html.ShouldNotContain("<style", Case.Insensitive, "the WeChat editor keeps inline styles only");
        }
        using (var bulletin = await office.GetAsync($"/api/community/publicity/items/{itemId}/bulletin", Cancel))
        {
            bulletin.StatusCode.ShouldBe(HttpStatusCode.OK);
            bulletin.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            using var pdf = PdfDocument.Open(await bulletin.Content.ReadAsByteArrayAsync(Cancel));
            var page = pdf.GetPage(1);
            page.Width.ShouldBe(841.89, 1);
            page.Height.ShouldBe(1190.55, 1);
            PdfText.Plain(page.Text).Replace(" ", "", StringComparison.Ordinal).ShouldContain(title);
            pdf.Information.Title.ShouldBe(title);
        }

        // A good practice becomes one of the year's highlights, once.
        var highlighted = await ReadAsync(await office.PostAsync($"/api/community/publicity/items/{itemId}/highlight", null, Cancel), HttpStatusCode.OK);
        highlighted.GetProperty("highlightedYear").GetInt32().ShouldBe(ChinaCalendar.DateOf(published.GetProperty("publishedAt").GetDateTimeOffset()).Year);
        (await OutboxAsync<GoodPracticeHighlighted>()).ShouldContain(h => h.ItemId == itemId && h.BranchId == branch);
        using (var twice = await office.PostAsync($"/api/community/publicity/items/{itemId}/highlight", null, Cancel))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task A_practical_matter_follows_its_supervision_task_to_completion_and_can_then_be_written_up()
    {
        var office = await identity.ClientForPersonAsync(community, "office");
        var (_, secretary) = await OnRosterAsync("secretary", units["第一党支部"], UnitKinds.Branch);
        var unit = units[TicketUnits.Office];
        var (ownerId, _) = await OnRosterAsync("office", unit, UnitKinds.Department);
        var today = ChinaCalendar.DateOf(DateTimeOffset.UtcNow);
        var deadline = new DateOnly(today.Year, 12, 31) < today.AddDays(7) ? today.AddDays(7) : new DateOnly(today.Year, 12, 31);
        var title = "老旧小区加装电梯" + Guid.NewGuid().ToString("N")[..6];

        using (var stranger = await secretary.PostAsJsonAsync("/api/community/practical-matters", MatterBody(title, deadline, unit, ownerId), Cancel))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var notOfUnit = await office.PostAsJsonAsync("/api/community/practical-matters", MatterBody(title, deadline, unit, Guid.NewGuid()), Cancel))
        {
            await FieldRefusedAsync(notOfUnit, HttpStatusCode.UnprocessableEntity, "ownerPersonId");
        }
        var matter = await ReadAsync(await office.PostAsJsonAsync("/api/community/practical-matters", MatterBody(title, deadline, unit, ownerId), Cancel),
            HttpStatusCode.Created);
        var matterId = matter.GetProperty("id").GetGuid();
        (await OutboxAsync<PracticalMatterCommitted>()).ShouldContain(m => m.MatterId == matterId && m.MilestoneDues.Count == 1 && m.FeedbackCadence == "weekly");
        using (var notYet = await secretary.GetAsync($"/api/community/publicity/prefill?sourceKind=practicalMatter&sourceId={matterId}", Cancel))
        {
            await FieldRefusedAsync(notYet, HttpStatusCode.UnprocessableEntity, "sourceId");
        }

        // Reporting's task (the same id) is created, then closed: the matter follows it, whatever order the events come in.
        var bus = community.Services.GetRequiredService<IBus>();
        var closedOn = today;
        await bus.Publish(TaskEvent(new SupervisionTaskClosed { OccurredAt = DateTimeOffset.UtcNow, ClosedOn = closedOn, OnTime = true }, matterId, title, 2, "closed"), Cancel);
        await bus.Publish(TaskEvent(new SupervisionTaskCreated { OccurredAt = DateTimeOffset.UtcNow, FeedbackCadence = "weekly" }, matterId, title, 1, "inProgress"), Cancel);
        var completed = await Eventually.ReturnsAsync(
            async () => await ReadAsync(await office.GetAsync($"/api/community/practical-matters/{matterId}", Cancel), HttpStatusCode.OK),
            m => m.GetProperty("state").GetString() == "completed", Wait, "the matter following its task", Cancel);
        completed.GetProperty("taskState").GetString().ShouldBe("closed");
        completed.GetProperty("completedOn").GetString().ShouldBe(Day(closedOn));
        (await OutboxAsync<PracticalMatterCompleted>()).ShouldContain(m => m.MatterId == matterId && m.AggregateVersion == 2);

        var prefill = await ReadAsync(await secretary.GetAsync($"/api/community/publicity/prefill?sourceKind=practicalMatter&sourceId={matterId}", Cancel), HttpStatusCode.OK);
        prefill.GetProperty("title").GetString()!.ShouldContain(title);
        var item = await ReadAsync(await secretary.PostAsJsonAsync("/api/community/publicity/items", new
        {
            kind = "news", branchId = units["第一党支部"], title = prefill.GetProperty("title").GetString(), summary = prefill.GetProperty("summary").GetString(),
            body = prefill.GetProperty("body").GetString(), sourceKind = "practicalMatter", sourceId = matterId,
        }, Cancel), HttpStatusCode.Created);
        var itemId = item.GetProperty("id").GetGuid();
        await ReadAsync(await secretary.PostAsync($"/api/community/publicity/items/{itemId}/submit", null, Cancel), HttpStatusCode.OK);
        await ReadAsync(await office.PostAsync($"/api/community/publicity/items/{itemId}/approve", null, Cancel), HttpStatusCode.OK);
        using var anonymous = community.CreateClient();
        var news = await ReadAsync(await anonymous.GetAsync("/api/community/public/news", Cancel), HttpStatusCode.OK);
        news.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ShouldContain(itemId);
    }

    private static object MatterBody(string title, DateOnly deadline, Guid unit, Guid owner) => new
    {
        year = deadline.Year, title, description = "协调推动辖区老旧小区加装电梯。", ownerUnitId = unit, ownerPersonId = owner, deadline = Day(deadline),
        beneficiaries = "辖区老年居民", feedbackCadence = "weekly", milestoneDues = new[] { Day(deadline) },
    };

    private static T TaskEvent<T>(T taskEvent, Guid matterId, string title, long version, string state) where T : SupervisionTaskEvent => taskEvent with
    {
        AggregateId = matterId, AggregateVersion = version, TaskId = matterId, Title = title, Source = PracticalMatterEvent.SupervisionSource,
        Deadline = new DateOnly(2026, 12, 31), State = state,
    };

    private async Task<Guid> ThemeOfTodayAsync(HttpClient office, DateOnly today)
    {
        var quarter = Periods.QuarterOf(today);
        using var set = await office.PostAsJsonAsync("/api/community/themes", new { year = today.Year, quarter, title = "关爱一老一小", description = "走进社区。" }, Cancel);
        if (set.StatusCode == HttpStatusCode.Created)
        {
            var theme = await set.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            theme.GetProperty("servicesPerBranch").GetInt32().ShouldBe(2, "the configured number when the office gives none");
            return theme.GetProperty("id").GetGuid();
        }
        set.StatusCode.ShouldBe(HttpStatusCode.Conflict, "one theme a quarter (another test of this database set it)");
        return (await ReadAsync(await office.GetAsync("/api/community/themes/current", Cancel), HttpStatusCode.OK)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> NewCommunityAsync(HttpClient office, string name) =>
        (await ReadAsync(await office.PostAsJsonAsync("/api/community/communities",
            new { name, street = "城关街道", contactName = "赵强", contactPhone = "13912345679" }, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<(Guid Id, HttpClient Client)> OnRosterAsync(string person, Guid unit, string kind)
    {
        var token = await identity.PersonTokenAsync(person);
        var id = Guid.Parse(IdentityHost.JwtPayload(token).GetProperty("sub").GetString()!);
        await CommunityRosters.PutOnRosterAsync(community.Services, id, unit, kind, person, Cancel);
        return (id, await identity.ClientForPersonAsync(community, person));
    }

    private async Task<IReadOnlyList<T>> OutboxAsync<T>() where T : IntegrationEvent
    {
        var name = EventNameAttribute.Of(typeof(T));
        var payloads = await community.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventName == name).Select(m => m.Payload).ToListAsync(Cancel));
        return [.. payloads.Select(p => JsonSerializer.Deserialize<T>(p, JsonSerializerOptions.Web)!)];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task FieldRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancel));
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Cancel);
            response.StatusCode.ShouldBe(expected, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync() => await community.DisposeAsync();
}
