using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionBrands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "brand_id",
                table: "study_activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "brand_measure_id",
                table: "study_activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "topic",
                table: "study_activities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "event_version",
                table: "brands",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_changed_at",
                table: "brands",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "logo_content_type",
                table: "brands",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "brand_highlights",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_highlights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "brand_logos",
                columns: table => new
                {
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_brand_logos", x => x.brand_id);
                    table.ForeignKey(
                        name: "fk_brand_logos_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "party_work_plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_work_plan_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_study_activities_brand_id",
                table: "study_activities",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_brand_highlights_brand_id",
                table: "brand_highlights",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_brand_highlights_state_submitted_at",
                table: "brand_highlights",
                columns: new[] { "state", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_party_work_plan_items_brand_id",
                table: "party_work_plan_items",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_work_plan_items_year_branch_id",
                table: "party_work_plan_items",
                columns: new[] { "year", "branch_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brand_highlights");

            migrationBuilder.DropTable(
                name: "brand_logos");

            migrationBuilder.DropTable(
                name: "party_work_plan_items");

            migrationBuilder.DropIndex(
                name: "ix_study_activities_brand_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "brand_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "brand_measure_id",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "topic",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "event_version",
                table: "brands");

            migrationBuilder.DropColumn(
                name: "last_changed_at",
                table: "brands");

            migrationBuilder.DropColumn(
                name: "logo_content_type",
                table: "brands");
        }
    }
}
