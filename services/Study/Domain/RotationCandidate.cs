namespace BrandPlatform.Study.Domain;

/// <summary>A current member of the youth study group, as the rotation orders them: by terms hosted, then join date, then id.</summary>
public sealed record RotationCandidate(Guid PersonId, string DisplayName, DateOnly JoinedOn);
