using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReportingProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "chamber_name",
                table: "ticket_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "filing_system",
                table: "ticket_records",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "material_ids",
                table: "study_activities",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<Guid[]>(
                name: "present_ids",
                table: "study_activities",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.CreateTable(
                name: "discipline_campaigns",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    theme = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_campaigns", x => x.campaign_id);
                });

            migrationBuilder.CreateTable(
                name: "discipline_make_ups",
                columns: table => new
                {
                    make_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_make_ups", x => x.make_up_id);
                });

            migrationBuilder.CreateTable(
                name: "discipline_pledge_signatures",
                columns: table => new
                {
                    signature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_pledge_signatures", x => x.signature_id);
                });

            migrationBuilder.CreateTable(
                name: "discipline_quiz_outcomes",
                columns: table => new
                {
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    reopened = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_quiz_outcomes", x => x.attempt_id);
                });

            migrationBuilder.CreateTable(
                name: "discipline_sessions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    present_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discipline_sessions", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "study_designated_materials",
                columns: table => new
                {
                    material_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_agenda_item_due = table.Column<DateOnly>(type: "date", nullable: false),
                    branch_follow_up_due = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_designated_materials", x => x.material_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_discipline_campaigns_year_quarter",
                table: "discipline_campaigns",
                columns: new[] { "year", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_discipline_make_ups_campaign_id",
                table: "discipline_make_ups",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_pledge_signatures_year",
                table: "discipline_pledge_signatures",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_quiz_outcomes_campaign_id",
                table: "discipline_quiz_outcomes",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_discipline_sessions_campaign_id",
                table: "discipline_sessions",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_study_designated_materials_designated_at",
                table: "study_designated_materials",
                column: "designated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "discipline_campaigns");

            migrationBuilder.DropTable(
                name: "discipline_make_ups");

            migrationBuilder.DropTable(
                name: "discipline_pledge_signatures");

            migrationBuilder.DropTable(
                name: "discipline_quiz_outcomes");

            migrationBuilder.DropTable(
                name: "discipline_sessions");

            migrationBuilder.DropTable(
                name: "study_designated_materials");

            migrationBuilder.DropColumn(
                name: "chamber_name",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "filing_system",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "material_ids",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "present_ids",
                table: "study_activities");
        }
    }
}
