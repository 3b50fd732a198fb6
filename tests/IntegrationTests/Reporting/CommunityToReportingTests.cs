using System.Net;
using System.Net.Http.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.CommunityFigures;
using BrandPlatform.Reporting.Features.MemberCards;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// The community service's events reach reporting over RabbitMQ: a committed practical matter becomes a supervision
/// task with the matter's id, a highlighted good practice a selected highlight of the branch's brand, and the
/// registrations, themes, services and publicity items make the coverage per branch (short branches, unregistered
/// members), the publication lag and a member's own card, each seen only by whom it is for. The demo secretary's branch
/// and the demo officer's are the test's two branches (reporting's directory copy is the test's own: it publishes it).
/// </summary>
public sealed class CommunityToReportingTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_committed_practical_matter_is_a_supervision_task_with_the_matters_id_and_its_milestones_on_working_days()
    {
        var (matter, unit, owner) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var committed = new PracticalMatterCommitted
        {
            AggregateId = matter, AggregateVersion = 1, OccurredAt = Now, MatterId = matter, Year = 2026, Title = "为老旧小区加装电梯",
            OwnerUnitId = unit, OwnerPersonId = owner, Deadline = new DateOnly(2026, 12, 31), Beneficiaries = "辖区老年居民", State = "committed",
            Description = "协调加装电梯三部", FeedbackCadence = "weekly",
            // A Saturday (moves back to Friday the 11th) and a Tuesday.
            MilestoneDues = [new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 15)],
        };
        var again = committed with { EventId = Guid.NewGuid() };
        await PublishAsync(committed);
        await PublishAsync(again);

        var task = await Eventually.ReturnsAsync(() => fixture.Service.QueryAsync(db => db.SupervisionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == matter, Cancel)),
            t => t is not null, Timeout, "the matter's task", Cancel);
        task!.Source.ShouldBe(TaskSource.PracticalMatter);
        task.CreatedBy.ShouldBe("community");
        task.Title.ShouldBe("为老旧小区加装电梯");
        task.Description.ShouldContain("辖区老年居民");
        (task.OwnerUnitId, task.OwnerPersonId, task.Deadline, task.Cadence).ShouldBe((unit, owner, new DateOnly(2026, 12, 31), FeedbackCadence.Weekly));
        task.Milestones.Select(m => m.Due).ShouldBe([new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 15)]);
        task.Milestones.ShouldAllBe(m => m.Title != "");
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Completed(committed.EventId) + fixture.Consumed.Completed(again.EventId)), n => n >= 2,
            Timeout, "both announcements consumed", Cancel);
        (await fixture.Service.QueryAsync(db => db.SupervisionTasks.CountAsync(t => t.Id == matter, Cancel))).ShouldBe(1);
        (await fixture.Service.QueryAsync(db => db.SupervisionTasks.Where(t => t.Id == matter).Select(t => t.Version).SingleAsync(Cancel))).ShouldBe(1,
            "the repeated announcement changed nothing");
    }

    [Fact]
    public async Task A_highlighted_good_practice_lands_selected_under_the_branchs_brand_and_is_skipped_for_a_branch_without_one()
    {
        var (branch, bare) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(Numbered(branch, new OrganisationUnitCreated { UnitId = branch, Kind = "branch", Name = "社区亮点支部", ValidFrom = new DateOnly(2020, 1, 1), OccurredAt = Now }));
        var brand = Guid.CreateVersion7();
        await fixture.Service.QueryAsync(db =>
        {
            db.Brands.Add(Brand.Register(brand, branch, "红色物业", "基层治理", "以党建引领物业服务", "小区有事找支部", Now));
            return db.SaveChangesAsync(Cancel);
        });
        var (item, orphan) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var orphanEvent = Highlighted(orphan, bare);
        await PublishAsync(Highlighted(item, branch));
        await PublishAsync(orphanEvent);

        var highlight = await Eventually.ReturnsAsync(() => fixture.Service.QueryAsync(db => db.BrandHighlights.AsNoTracking().SingleOrDefaultAsync(h => h.Id == item, Cancel)),
            h => h is not null, Timeout, "the highlight", Cancel);
        (highlight!.BrandId, highlight.BranchId, highlight.State, highlight.Title).ShouldBe((brand, branch, HighlightState.Selected, "“楼栋微议事”破解停车难"));
        // Consumed twice: as a highlight and as a publicity item.
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Completed(orphanEvent.EventId)), n => n >= 2, Timeout, "the orphan consumed", Cancel);
        (await fixture.Service.QueryAsync(db => db.BrandHighlights.AnyAsync(h => h.Id == orphan, Cancel))).ShouldBeFalse("the branch has no brand");
    }

    [Fact]
    public async Task Coverage_lag_and_cards_match_a_hand_count_and_show_each_caller_only_their_part()
    {
        // 2018 is the test's own year.
        var secretaryToken = await fixture.Identity.PersonTokenAsync("secretary");
        var (first, secretary) = (Claim(secretaryToken, "branch"), Claim(secretaryToken, "sub"));
        var officerToken = await fixture.Identity.PersonTokenAsync("officer");
        var (second, officer) = (Claim(officerToken, "branch"), Claim(officerToken, "sub"));
        var member = Claim(await fixture.Identity.PersonTokenAsync("member"), "sub");
        var (a1, a2, b1) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(Numbered(first, new OrganisationUnitCreated { UnitId = first, Kind = "branch", Name = "社区报表第一支部", ValidFrom = new DateOnly(2010, 1, 1), OccurredAt = Now }));
        await PublishAsync(Numbered(second, new OrganisationUnitCreated { UnitId = second, Kind = "branch", Name = "社区报表第二支部", ValidFrom = new DateOnly(2010, 1, 1), OccurredAt = Now }));
        foreach (var (person, branch) in new[] { (a1, first), (a2, first), (member, first), (secretary, first), (b1, second), (officer, second) })
        {
            await PublishAsync(Numbered(person, new MemberJoinedBranch { PersonId = person, BranchId = branch, DisplayName = Name(person, member), On = new DateOnly(2018, 1, 1), OccurredAt = Now }));
        }

        // Registrations of 2018: a1 confirmed, a2 pending, b1's ended, the secretary's confirmed; the member and the officer none.
        await PublishAsync(Registration(a1, first, "confirmed"));
        await PublishAsync(Registration(a2, first, "pending"));
        await PublishAsync(Registration(b1, second, "ended"));
        await PublishAsync(Registration(secretary, first, "confirmed"));
        // Q2's theme: set at one service each, revised to two.
        var theme = Guid.CreateVersion7();
        await PublishAsync(Numbered(theme,
            new ServiceThemeSet { ThemeId = theme, Year = 2018, Quarter = 2, Title = "关爱一老一小", ServicesPerBranch = 1, OccurredAt = Now },
            new ServiceThemeRevised { ThemeId = theme, Year = 2018, Quarter = 2, Title = "关爱“一老一小”", ServicesPerBranch = 2, OccurredAt = Now }));
        await PublishAsync(Service(first, theme, new DateOnly(2018, 4, 10), 3m, member, a1));
        await PublishAsync(Service(first, theme, new DateOnly(2018, 5, 10), 2.5m, a1));
        await PublishAsync(Service(first, null, new DateOnly(2018, 3, 10), 4m, member)); // Q1: not this quarter's
        await PublishAsync(Service(second, theme, new DateOnly(2018, 6, 1), 1m, b1));
        await PublishAsync(Service(second, null, new DateOnly(2018, 6, 2), null, b1));
        // Publicity: lags of 2, 5 and 10 days (March, March, April); one without a source day, one withdrawn, one of 2017.
        var at = new DateTimeOffset(2018, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var (two, five, ten) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(Published(two, first, at, at.AddDays(2)));
        await PublishAsync(Published(five, second, at.AddDays(3), at.AddDays(8)));
        await PublishAsync(Published(ten, first, at.AddDays(31), at.AddDays(41)));
        await PublishAsync(Published(Guid.CreateVersion7(), first, null, at.AddDays(2)));
        var withdrawn = Guid.CreateVersion7();
        await PublishAsync([.. Published(withdrawn, first, at, at.AddDays(1)), new PublicityItemWithdrawn
        {
            AggregateId = withdrawn, AggregateVersion = 3, ItemId = withdrawn, Kind = "news", BranchId = first, Title = "撤稿", State = "withdrawn", OccurredAt = Now,
        }]);
        await PublishAsync(Published(Guid.CreateVersion7(), first, at.AddYears(-1), at.AddYears(-1).AddDays(3)));
        // The member's study and warning education of 2018.
        var activity = Guid.CreateVersion7();
        await PublishAsync(new StudyActivityHeld
        {
            OccurredAt = Now, AggregateId = activity, AggregateVersion = 1, ActivityId = activity, Kind = "partyLesson", OrganiserUnitId = first, Topic = "社区党课",
            PlannedStart = at, PlannedEnd = at.AddHours(2), State = "held", HeldAt = at, DurationMinutes = 90, AttendeeIds = [member, a1], RecordedAt = at, RecordedLate = false,
        });
        var (campaign, session, attempt) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(Numbered(campaign, new WarningCampaignLaunched
        {
            CampaignId = campaign, Year = 2018, Quarter = 2, Theme = "以案为鉴", State = "launched", RequiredSessionsPerBranch = 1, QuizQuestionCount = 10,
            PassMark = 80, TimeLimitMinutes = 30, OccurredAt = Now,
        }));
        await PublishAsync(Numbered(session, new WarningSessionHeld
        {
            SessionId = session, CampaignId = campaign, BranchId = first, State = "held", PlannedStart = at.AddDays(40), PlannedEnd = at.AddDays(40),
            HeldAt = at.AddDays(40), DurationMinutes = 60, AttendeeIds = [member], AbsentIds = [], OccurredAt = Now,
        }));
        await PublishAsync(Numbered(attempt, new QuizCompleted
        {
            AttemptId = attempt, CampaignId = campaign, PersonId = member, Number = 1, Score = 90, Passed = true, SubmittedAt = at.AddDays(41), OccurredAt = Now,
        }));

        GetCommunityCoverage.BranchRow[] expected =
        [
            new(first, "社区报表第一支部", 4, 2, 1, 2, 2, 2, false, 5.5m),
            new(second, "社区报表第二支部", 2, 0, 0, 2, 1, 2, true, 1m),
        ];
        var coverage = await Eventually.ReturnsAsync(() => GetAsync<GetCommunityCoverage.Response>(fixture.Client, "/api/reporting/community-coverage?year=2018&quarter=2"),
            r => r.Theme?.ServicesPerBranch == 2 && r.Branches.Where(b => b.BranchId == first || b.BranchId == second).SequenceEqual(expected),
            Timeout, "the coverage to match the hand count", Cancel);
        coverage.ReferenceDay.ShouldBe(new DateOnly(2018, 6, 30));
        coverage.Theme!.ShouldBe(new GetCommunityCoverage.Theme(theme, "关爱“一老一小”", 2));
        (await GetAsync<GetCommunityCoverage.Response>(fixture.Client, "/api/reporting/community-coverage?year=2018&quarter=3")).Branches
            .ShouldAllBe(b => b.Services == 0 && b.Required == 0 && !b.Short, "no theme, no services that quarter");

        using var secretaryClient = IdentityHost.WithBearer(fixture.Service.CreateClient(), secretaryToken);
        using var officerClient = IdentityHost.WithBearer(fixture.Service.CreateClient(), officerToken);
        using var memberClient = await fixture.Identity.ClientForPersonAsync(fixture.Service, "member");
        (await GetAsync<GetCommunityCoverage.Response>(secretaryClient, "/api/reporting/community-coverage?year=2018&quarter=2")).Branches
            .Select(b => b.BranchId).ShouldBe([first], "a secretary sees their own branch");
        (await memberClient.GetAsync("/api/reporting/community-coverage?year=2018&quarter=2", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var unregistered = await GetAsync<GetUnregisteredMembers.Response>(fixture.Client, $"/api/reporting/community-coverage/unregistered?year=2018&branchId={first}");
        unregistered.Members.Select(m => m.PersonId).ShouldBe([member]);
        (await GetAsync<GetUnregisteredMembers.Response>(officerClient, $"/api/reporting/community-coverage/unregistered?year=2018&branchId={second}"))
            .Members.Select(m => m.PersonId).ShouldBe([b1, officer], ignoreOrder: true);
        (await officerClient.GetAsync($"/api/reporting/community-coverage/unregistered?year=2018&branchId={first}", Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "another branch does not exist for its keeper");
        (await fixture.Client.GetAsync("/api/reporting/community-coverage/unregistered?year=2018", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var lag = await Eventually.ReturnsAsync(() => GetAsync<GetPublicationLag.Response>(fixture.Client, "/api/reporting/publication-lag?year=2018"),
            r => r.Items == 3 && r.Published.Select(i => i.ItemId).SequenceEqual([two, five, ten]), Timeout, "the three items that count", Cancel);
        lag.Published.Select(i => (i.ItemId, i.LagDays)).ShouldBe([(two, 2), (five, 5), (ten, 10)]);
        (lag.MedianDays, lag.MaxDays).ShouldBe((5.0, 10));
        lag.Months.ShouldBe([new GetPublicationLag.Month(3, 2, 3.5, 5), new GetPublicationLag.Month(4, 1, 10, 10)]);
        (await GetAsync<GetPublicationLag.Response>(secretaryClient, "/api/reporting/publication-lag?year=2018")).Published.Select(i => i.ItemId)
            .ShouldBe([two, ten], "a secretary sees their own branch's items");

        var card = await Eventually.ReturnsAsync(() => GetAsync<GetMemberCard.Response>(memberClient, "/api/reporting/member-cards/mine?year=2018"),
            c => c.Study.Attended == 1 && c.Community.Served == 2 && c.Discipline.Campaigns.Count == 1 && c.Discipline.Campaigns[0].Covered,
            Timeout, "the member's card", Cancel);
        (card.PersonId, card.BranchId, card.BranchName, card.DisplayName).ShouldBe((member, first, "社区报表第一支部", "第一党支部党员"));
        card.Study.Activities.Single().ActivityId.ShouldBe(activity);
        card.Community.Registration.ShouldBeNull();
        card.Community.Services.Select(s => (s.On, s.Themed)).ShouldBe([(new DateOnly(2018, 3, 10), false), (new DateOnly(2018, 4, 10), true)]);
        card.Discipline.Campaigns.Single().ShouldBe(new GetMemberCard.Campaign(campaign, 2, "以案为鉴", true, true, false, true, true));
        card.Discipline.PledgeSigned.ShouldBeFalse();
        (card.Tickets.Available, card.Tickets.HandledOnTime).ShouldBe((false, null));
        card.Tickets.Note.ShouldNotBeNullOrWhiteSpace();

        var read = await GetAsync<GetMemberCard.Response>(secretaryClient, $"/api/reporting/member-cards/{member}?year=2018");
        (read.PersonId, read.Study.Attended, read.Community.Served).ShouldBe((member, 1, 2), "the branch secretary reads it");
        (await GetAsync<GetMemberCard.Response>(fixture.Client, $"/api/reporting/member-cards/{member}?year=2018")).PersonId.ShouldBe(member);
        (await officerClient.GetAsync($"/api/reporting/member-cards/{member}?year=2018", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound,
            "another branch's keeper");
        (await memberClient.GetAsync($"/api/reporting/member-cards/{a1}?year=2018", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another member");
        var secretaryCard = await GetAsync<GetMemberCard.Response>(secretaryClient, "/api/reporting/member-cards/mine?year=2018");
        secretaryCard.Community.Registration!.State.ShouldBe("confirmed");
    }

    private static GoodPracticeHighlighted Highlighted(Guid item, Guid branch) => new()
    {
        AggregateId = item, AggregateVersion = 1, OccurredAt = Now, ItemId = item, Kind = "goodPractice", BranchId = branch,
        Title = "“楼栋微议事”破解停车难", State = "published", Year = 2026, Summary = "支部牵头楼栋议事，三个月解决车位120个。",
    };

    private static string Name(Guid person, Guid member) => person == member ? "第一党支部党员" : "社区党员";

    private static Guid Claim(string token, string claim) => Guid.Parse(IdentityHost.JwtPayload(token).GetProperty(claim).GetString()!);

    private static IntegrationEvent[] Registration(Guid person, Guid branch, string finalState)
    {
        var id = Guid.CreateVersion7();
        MemberRegistrationEvent registered = new MemberRegisteredWithCommunity { State = "pending", OccurredAt = Now };
        MemberRegistrationEvent[] events = finalState switch
        {
            "confirmed" => [registered, new MemberRegistrationConfirmed { OccurredAt = Now, State = "confirmed", ConfirmedBy = "communityContact", ConfirmedOn = new DateOnly(2018, 2, 1) }],
            "ended" => [registered, new MemberRegistrationEnded { State = "ended", OccurredAt = Now }],
            _ => [registered],
        };
        return Numbered(id, [.. events.Select(e => e with
        {
            RegistrationId = id, PersonId = person, BranchId = branch, CommunityId = Guid.Empty, CommunityName = "新龙社区", Year = 2018,
            RegisteredOn = new DateOnly(2018, 1, 20), OccurredAt = Now,
        })]);
    }

    private static CommunityServiceRecorded Service(Guid branch, Guid? theme, DateOnly on, decimal? hours, params Guid[] participants)
    {
        var id = Guid.CreateVersion7();
        return new CommunityServiceRecorded
        {
            AggregateId = id, AggregateVersion = 1, OccurredAt = Now, ServiceId = id, BranchId = branch, CommunityId = Guid.Empty, CommunityName = "新龙社区",
            ThemeId = theme, On = on, ParticipantIds = participants, PeopleServed = 20, Hours = hours, Summary = "义务理发",
        };
    }

    private static IntegrationEvent[] Published(Guid item, Guid branch, DateTimeOffset? occurred, DateTimeOffset published) => Numbered(item,
        new PublicityItemDrafted { ItemId = item, Kind = "news", BranchId = branch, Title = "社区新闻", SourceKind = "communityService", SourceOccurredAt = occurred, State = "draft", OccurredAt = Now },
        new PublicityItemPublished
        {
            ItemId = item, Kind = "news", BranchId = branch, Title = "社区新闻", SourceKind = "communityService", SourceOccurredAt = occurred, State = "published",
            PublishedAt = published, Summary = "摘要", OccurredAt = Now,
        });

    private static IntegrationEvent[] Numbered(Guid aggregate, params IntegrationEvent[] events) =>
        [.. events.Select((e, i) => e with { AggregateId = aggregate, AggregateVersion = i + 1 })];

    private async Task PublishAsync(params IntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            await fixture.Bus.Publish(e, e.GetType(), context => context.MessageId = e.EventId, Cancel);
        }
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path) => (await client.GetFromJsonAsync<T>(path, Cancel))!;
}
