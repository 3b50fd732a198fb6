using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Study;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// The youth study group's host rotation follows the directory: a member's leave, made by an administrator in the
/// identity service and carried to study by RabbitMQ, gives the leaver's future terms to the next in line in the roster
/// projection's commit, and every (re)assignment is announced through the outbox in the rotation's own sequence.
/// </summary>
public sealed class RotationTests(TestServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_leave_from_the_directory_reassigns_future_terms_and_announces_them_in_order()
    {
        // A directory of its own: no other study service competes for its events on the shared one's queues.
        await using var identity = await IdentityHost.CreateAsync(servers);
        await using var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] },
            identityBackchannel: identity.Backchannel());
        await study.WaitUntilHealthyAsync(Cancel);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var suffix = DirectoryTests.Suffix();
        var group = await DirectoryTests.CreateUnitAsync(admin, "青年理论学习小组" + suffix, "youthStudyGroup", await DirectoryTests.CommitteeIdAsync(admin));
        var names = new[] { "ya", "yb", "yc" }.Select(n => n + suffix).ToArray();
        var people = new List<Guid>();
        foreach (var name in names)
        {
            var person = await DirectoryTests.RegisterAsync(admin, name, branch: null);
            using var joined = await admin.PostAsJsonAsync($"/identity/api/directory/people/{person}/memberships", new { unitId = group }, Cancel);
            joined.StatusCode.ShouldBe(HttpStatusCode.OK, await joined.Content.ReadAsStringAsync(Cancel));
            people.Add(person);
        }
        await Eventually.ReturnsAsync(
            () => study.QueryAsync(db => db.UnitMembers.CountAsync(m => m.UnitId == group && m.LeftOn == null, Cancel)),
            count => count == 3, Timeout, "the group's roster in study", Cancel);

        using var office = await identity.ClientForPersonAsync(study, "office");
        using var scheduled = await office.PostAsJsonAsync($"/api/study/youth-groups/{group}/rotation", new { terms = 6 }, Cancel);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync(Cancel));
        var before = Terms(await scheduled.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        // Joined the same day: the lowest id first, round and round.
        var order = people.Order().ToList();
        before.Select(t => t.Host).ShouldBe([.. order, .. order]);
        before[0].Started.ShouldBeTrue();
        before.Skip(1).ShouldAllBe(t => !t.Started);

        var leaver = before[1].Host!.Value;
        using var left = await admin.PostAsJsonAsync($"/identity/api/directory/people/{leaver}/memberships/{group}/end", new { }, Cancel);
        left.StatusCode.ShouldBe(HttpStatusCode.OK, await left.Content.ReadAsStringAsync(Cancel));

        var after = await Eventually.ReturnsAsync(async () => Terms(await office.GetFromJsonAsync<JsonElement>($"/api/study/youth-groups/{group}/rotation", Cancel)),
            terms => terms.All(t => t.Host != leaver), Timeout, "the leaver's terms reassigned", Cancel);
        after[0].ShouldBe(before[0], "the begun term never changes");
        var stayed = order.Where(p => p != leaver).ToList();
        after.Skip(1).Select(t => t.Host).ShouldBe([stayed[1], stayed[0], stayed[1], stayed[0], stayed[1]],
            "the one who has not hosted goes next; then in turn");

        // Every assignment and reassignment is in the outbox, numbered 1, 2, 3, ... in the rotation's own sequence.
        var announced = await study.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.EventName == EventNameAttribute.Of(typeof(YouthGroupHostAssigned))).Select(m => m.Payload).ToListAsync(Cancel));
        var events = announced.Select(p => JsonSerializer.Deserialize<YouthGroupHostAssigned>(p, JsonSerializerOptions.Web)!)
            .Where(e => e.GroupId == group).OrderBy(e => e.AggregateVersion).ToList();
        events.Select(e => e.AggregateVersion).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        events.Select(e => e.AggregateId).Distinct().ShouldHaveSingleItem();
        var reassigned = events.Skip(before.Count).ToList();
        reassigned.ShouldNotBeEmpty();
        reassigned.ShouldAllBe(e => e.PersonId != leaver);
        reassigned.Select(e => (e.From, e.PersonId)).ShouldBe(
            after.Zip(before).Where(pair => pair.First.Host != pair.Second.Host).Select(pair => (pair.First.From, pair.First.Host!.Value)),
            "exactly the terms whose host changed");
        (await study.QueryAsync(db => db.YouthGroupRotations.Where(r => r.GroupId == group)
            .Select(r => EF.Property<long>(r, EventVersions.PropertyName)).SingleAsync(Cancel))).ShouldBe(events.Count);

        // The group's members read it; a secretary who is not in the group does not.
        using var member = await identity.ClientForPersonAsync(study, names[people.IndexOf(stayed[0])], DirectoryTests.TestPassword);
        (await member.GetAsync($"/api/study/youth-groups/{group}/rotation", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var secretary = await identity.ClientForPersonAsync(study, "secretary");
        (await secretary.GetAsync($"/api/study/youth-groups/{group}/rotation", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private sealed record Term(DateOnly From, Guid? Host, bool Started);

    private static List<Term> Terms(JsonElement rotation) =>
        [.. rotation.GetProperty("terms").EnumerateArray().Select(t => new Term(
            DateOnly.Parse(t.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            t.GetProperty("personId").ValueKind == JsonValueKind.Null ? null : t.GetProperty("personId").GetGuid(),
            t.GetProperty("started").GetBoolean()))];
}
