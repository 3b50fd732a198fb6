using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiaisonReach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "ticket_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "liaison_visits",
                columns: table => new
                {
                    visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    contact_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    contact_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    problem_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_liaison_visits", x => x.visit_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_liaison_visits_visited_on",
                table: "liaison_visits",
                column: "visited_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "liaison_visits");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "ticket_records");
        }
    }
}
