using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using FluentValidation;

namespace BrandPlatform.Liaison.Features.Contacts;

/// <summary>What the office or the responsible cadre writes about a contact.</summary>
public interface IContactDetails
{
    string? Name { get; }
    ContactCategory? Category { get; }
    Guid? OrganisationId { get; }
    IReadOnlyList<string>? Positions { get; }
    string? EnterpriseName { get; }
    string? EnterpriseCreditCode { get; }
    string? Phone { get; }
}

/// <summary>A contact's details as the office or the responsible cadre revises them.</summary>
public sealed record ContactDetailsRequest(
    string? Name, ContactCategory? Category, Guid? OrganisationId, IReadOnlyList<string>? Positions, string? EnterpriseName,
    string? EnterpriseCreditCode, string? Phone) : IContactDetails;

/// <summary>A new contact: the details and the cadre responsible for them.</summary>
public sealed record ContactRegistrationRequest(
    string? Name, ContactCategory? Category, Guid? OrganisationId, IReadOnlyList<string>? Positions, string? EnterpriseName,
    string? EnterpriseCreditCode, string? Phone, Guid? ResponsibleCadreId) : IContactDetails;

internal static class ContactDetails
{
    /// <summary>The details of a request its validator passed.</summary>
    public static UnitedFrontContact.Details Of(IContactDetails request) => new(
        request.Name!, request.Category!.Value, request.OrganisationId, request.Positions ?? [], request.EnterpriseName,
        request.EnterpriseCreditCode, request.Phone!);
}

public sealed record ReassignmentRequest(Guid? ResponsibleCadreId);

/// <summary>The rules of a contact's details, for a registration and a revision alike.</summary>
public abstract class ContactDetailsRules<T> : AbstractValidator<T> where T : IContactDetails
{
    protected ContactDetailsRules()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(UnitedFrontContact.NameMaxLength);
        RuleFor(r => r.Category).NotNull().IsInEnum();
        RuleFor(r => r.Positions).Must(p => p is null || p.Count <= UnitedFrontContact.MaxPositions)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.PositionsAtMost, UnitedFrontContact.MaxPositions));
        RuleForEach(r => r.Positions).NotEmpty().MaximumLength(UnitedFrontContact.PositionMaxLength);
        RuleFor(r => r.EnterpriseName).MaximumLength(UnitedFrontContact.EnterpriseNameMaxLength);
        RuleFor(r => r.EnterpriseName).NotEmpty().WithMessage(_ => LiaisonTexts.EnterpriseForEntrepreneur)
            .When(r => r.Category == ContactCategory.PrivateEntrepreneur);
        RuleFor(r => r.EnterpriseName).NotEmpty().WithMessage(_ => LiaisonTexts.CreditCodeWithoutEnterprise)
            .When(r => r.Category != ContactCategory.PrivateEntrepreneur && !string.IsNullOrWhiteSpace(r.EnterpriseCreditCode));
        RuleFor(r => r.EnterpriseCreditCode).NotEmpty().WithMessage(_ => LiaisonTexts.EnterpriseForEntrepreneur)
            .When(r => r.Category == ContactCategory.PrivateEntrepreneur);
        RuleFor(r => r.EnterpriseCreditCode).CreditCode().When(r => !string.IsNullOrWhiteSpace(r.EnterpriseCreditCode));
        RuleFor(r => r.Phone).NotEmpty();
        RuleFor(r => r.Phone).PhoneNumber().When(r => !string.IsNullOrWhiteSpace(r.Phone));
    }
}

public sealed class ContactDetailsValidator : ContactDetailsRules<ContactDetailsRequest>;

public sealed class ContactRegistrationValidator : ContactDetailsRules<ContactRegistrationRequest>
{
    public ContactRegistrationValidator()
    {
        RuleFor(r => r.ResponsibleCadreId).NotEmpty();
    }
}

public sealed class ReassignmentValidator : AbstractValidator<ReassignmentRequest>
{
    public ReassignmentValidator() => RuleFor(r => r.ResponsibleCadreId).NotEmpty();
}
