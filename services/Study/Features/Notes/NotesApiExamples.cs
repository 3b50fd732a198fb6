using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Resources;

namespace BrandPlatform.Study.Features.Notes;

/// <summary>The OpenAPI examples of self-study notes.</summary>
internal sealed class NotesApiExamples : IApiExamples
{
    private const string Note = """
        { "id": "0196f0b4-5e6f-7a8b-8c9d-0e1f2a3b4c01", "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01", "displayName": "王芳",
          "materialId": "0196f0b0-1a2b-7c3d-8e4f-5a6b7c8d9e01", "materialTitle": "在中央民族工作会议上的重要讲话", "studiedOn": "2026-12-01",
          "reflections": "要把铸牢中华民族共同体意识落实到统战工作的每个环节。", "recordedAt": "2026-12-01T12:10:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        examples.Add("RecordStudyNote", request: """
            { "materialId": "0196f0b0-1a2b-7c3d-8e4f-5a6b7c8d9e01", "materialTitle": null, "studiedOn": "2026-12-01",
              "reflections": "要把铸牢中华民族共同体意识落实到统战工作的每个环节。" }
            """, response: Note, problems:
        [
            ApiExamples.Invalid("materialTitle", MaterialsTexts.MaterialOrTitle),
            ApiExamples.Unprocessable("materialId", MaterialsTexts.UnknownMaterial, MaterialsTexts.UnknownMaterial_Detail),
            ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, StudyTexts.NoteInFuture_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.NoteInFuture_Detail, "2026-12-01")),
        ]);
        examples.Add("ListMyStudyNotes", response: ApiExamples.Page([Note]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("ListBranchStudyNotes", response: ApiExamples.Page([Note]), problems:
        [
            ApiExamples.InvalidCursor(),
            ApiExamples.Problem(StatusCodes.Status403Forbidden, MaterialsTexts.NotesOwnBranchOnly_Title,
                string.Format(CultureInfo.CurrentCulture, MaterialsTexts.NotesOwnBranchOnly_Detail, "第二党支部")),
            ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.BranchNotFound_Title, StudyTexts.BranchNotFound_Detail),
        ]);
    }
}
