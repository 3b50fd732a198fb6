using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StudyActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organiser_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    materials = table.Column<string>(type: "jsonb", nullable: false),
                    material_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    planned_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    planned_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    audience = table.Column<string>(type: "jsonb", nullable: false),
                    audience_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    audience_member_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    speakers = table.Column<string>(type: "jsonb", nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    check_in_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_minutes = table.Column<int>(type: "integer", nullable: true),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    external_attendees = table.Column<int>(type: "integer", nullable: false),
                    attendance = table.Column<string>(type: "jsonb", nullable: false),
                    present_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    record_due = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_late = table.Column<bool>(type: "boolean", nullable: false),
                    amendments = table.Column<string>(type: "jsonb", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    scheduled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_ins", x => new { x.session_id, x.person_id });
                });

            // The branch rosters become every unit's rosters: the rows stay, each a branch stint.
            migrationBuilder.RenameTable(name: "branch_members", newName: "unit_members");
            migrationBuilder.RenameColumn(name: "branch_id", table: "unit_members", newName: "unit_id");
            migrationBuilder.AddColumn<string>(
                name: "unit_kind", table: "unit_members", type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "branch");
            migrationBuilder.Sql("ALTER TABLE unit_members RENAME CONSTRAINT pk_branch_members TO pk_unit_members");
            migrationBuilder.RenameIndex(name: "ix_branch_members_person_id", table: "unit_members", newName: "ix_unit_members_person_id");
            migrationBuilder.RenameIndex(name: "ix_branch_members_branch_id_left_on", table: "unit_members", newName: "ix_unit_members_unit_id_left_on");

            migrationBuilder.CreateIndex(
                name: "ix_activities_audience_member_ids",
                table: "activities",
                column: "audience_member_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_activities_branch_id_planned_start",
                table: "activities",
                columns: new[] { "branch_id", "planned_start" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_material_ids",
                table: "activities",
                column: "material_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_activities_organiser_unit_id_planned_start",
                table: "activities",
                columns: new[] { "organiser_unit_id", "planned_start" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_planned_start",
                table: "activities",
                column: "planned_start");

            migrationBuilder.CreateIndex(
                name: "ix_activities_present_ids",
                table: "activities",
                column: "present_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_activities_series_id",
                table: "activities",
                column: "series_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "unit_members");

            migrationBuilder.CreateTable(
                name: "branch_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branch_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_branch_members_branch_id_left_on",
                table: "branch_members",
                columns: new[] { "branch_id", "left_on" });

            migrationBuilder.CreateIndex(
                name: "ix_branch_members_person_id",
                table: "branch_members",
                column: "person_id");
        }
    }
}
