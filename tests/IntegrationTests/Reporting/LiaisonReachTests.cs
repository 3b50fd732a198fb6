using System.Net.Http.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Reporting.Features.LiaisonFigures;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Liaison's reach in reporting, from liaison's visit events and the tickets filed on channel visit or event: each
/// contact counted once a quarter in its category however often visited, problems raised and solved per quarter.
/// </summary>
public sealed class LiaisonReachTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contacts_visited_are_counted_once_a_quarter_per_category_and_problems_raised_on_visits_and_at_events_with_the_solved()
    {
        var (entrepreneur, figure, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // Year 2019 is the test's own: no other test of this fixture writes visits or tickets in it.
        await PublishAsync(Visit(new DateOnly(2019, 1, 10), (entrepreneur, "privateEntrepreneur"), (figure, "representativeFigure")));
        await PublishAsync(Visit(new DateOnly(2019, 2, 20), (entrepreneur, "privateEntrepreneur")));
        await PublishAsync(Visit(new DateOnly(2019, 4, 2), (entrepreneur, "privateEntrepreneur"), (other, "newSocialClassFigure")));
        await PublishAsync(Ticket("visit", new DateTimeOffset(2019, 1, 10, 3, 0, 0, TimeSpan.Zero), solved: true));
        await PublishAsync(Ticket("event", new DateTimeOffset(2019, 3, 5, 3, 0, 0, TimeSpan.Zero), solved: false));
        await PublishAsync(Ticket("portal", new DateTimeOffset(2019, 3, 6, 3, 0, 0, TimeSpan.Zero), solved: true));

        var reach = await Eventually.ReturnsAsync(
            () => fixture.Client.GetFromJsonAsync<GetLiaisonReach.Response>("/api/reporting/liaison/reach?year=2019", Cancel),
            r => r!.Quarters[0].Visits == 2 && r.Quarters[1].Visits == 1 && r.Quarters[0].ProblemsRaised == 2 && r.Quarters[0].ProblemsSolved == 1,
            TimeSpan.FromSeconds(20), "the reach, with the resolution that follows the filing", Cancel);
        reach!.Quarters.Count.ShouldBe(4);
        reach.Quarters[0].ShouldBe(new GetLiaisonReach.QuarterRow(2019, 1, 2, 2, 1, 1, 0, 2, 1));
        reach.Quarters[1].ShouldBe(new GetLiaisonReach.QuarterRow(2019, 2, 1, 2, 0, 1, 1, 0, 0));
        reach.Quarters[3].ShouldBe(new GetLiaisonReach.QuarterRow(2019, 4, 0, 0, 0, 0, 0, 0, 0));
    }

    private static IntegrationEvent[] Visit(DateOnly on, params (Guid Id, string Category)[] contacts)
    {
        var visit = Guid.NewGuid();
        return [new VisitRecorded
        {
            AggregateId = visit, AggregateVersion = 1, OccurredAt = DateTimeOffset.UtcNow, VisitId = visit, Kind = "fourVisitsToEnterprises", VisitedOn = on,
            VisitorIds = [Guid.NewGuid()], ContactIds = [.. contacts.Select(c => c.Id)], ContactCategories = [.. contacts.Select(c => c.Category)],
        }];
    }

    private static IntegrationEvent[] Ticket(string channel, DateTimeOffset submitted, bool solved)
    {
        var ticket = Guid.NewGuid();
        var filed = new TicketSubmitted { OccurredAt = submitted, Channel = channel, State = "submitted", RequesterName = "三明市某某科技有限公司" };
        TicketEvent[] events = solved
            ? [filed, new TicketResolved { OccurredAt = submitted.AddDays(5), ResolvedAt = submitted.AddDays(5), HandlingWorkingHours = 20, State = "resolved" }]
            : [filed];
        return [.. events.Select((e, i) => e with
        {
            AggregateId = ticket, AggregateVersion = i + 1, TicketId = ticket, Number = "QY-2019-000001",
            Category = "financing", Priority = "normal", RequesterKind = "enterprise", SubmittedAt = submitted,
        })];
    }

    private async Task PublishAsync(IntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            await fixture.Bus.Publish(e, e.GetType(), Cancel);
        }
    }
}
