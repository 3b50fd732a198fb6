using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Contracts.Tickets;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class EventFamilyTests
{
    /// <summary>
    /// A projection consumes every event of one aggregate's family, because the aggregate's versions run through all of
    /// them: an event outside any family would be numbered by its aggregate and never reach the projection, which would
    /// wait on the gap forever. Platform messages (an operator's rebuild request) are about no aggregate and unnumbered.
    /// </summary>
    [Fact]
    public void Every_integration_event_belongs_to_the_family_of_the_aggregate_that_raises_it()
    {
        Type[] families = [typeof(TicketEvent), typeof(OrganisationUnitEvent), typeof(PersonEvent),
            typeof(StudyActivityEvent), typeof(MemberStudyEvent), typeof(YouthGroupRotationEvent), typeof(StudyMaterialEvent),
            typeof(WarningCampaignEvent), typeof(WarningSessionEvent), typeof(QuizAttemptEvent), typeof(WarningMakeUpEvent),
            typeof(IntegrityPledgeEvent), typeof(IntegrityReminderEvent), typeof(BrandEvent),
            typeof(ReceivedDocumentEvent), typeof(DocumentReminderEvent), typeof(DocumentErrorEvent),
            typeof(SupervisionTaskEvent), typeof(SupervisionTaskReminderEvent), typeof(OrganisationEvent), typeof(ContactEvent), typeof(VisitEvent), typeof(RaisedProblemEvent), typeof(EngagementEventEvent),
            typeof(FriendshipEvent), typeof(PolicyEvent), typeof(TaskForceWorkEvent), typeof(ChamberEvent),
            typeof(MemberRegistrationEvent), typeof(ServiceThemeEvent), typeof(CommunityServiceEvent), typeof(PracticalMatterEvent),
            typeof(ResidentProblemEvent), typeof(PublicityItemEvent)];
        var events = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)) && t.Namespace != typeof(Contracts.Platform.EventHistoryRequested).Namespace)
            .ToList();

        events.ShouldNotBeEmpty();
        events.Where(e => families.Count(f => f.IsAssignableFrom(e)) != 1).Select(e => e.Name).ShouldBeEmpty();
    }
}
