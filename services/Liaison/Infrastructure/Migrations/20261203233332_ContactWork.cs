using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Liaison.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ContactWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "friendship_pairs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadre_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    formed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    formed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_friendship_pairs", x => x.id);
                    table.ForeignKey(
                        name: "fk_friendship_pairs_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "thought_trend_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    observed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thought_trend_notes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "friendship_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    way = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    logged_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_friendship_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_friendship_contacts_friendship_pairs_pair_id",
                        column: x => x.pair_id,
                        principalTable: "friendship_pairs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_friendship_contacts_pair_id_on",
                table: "friendship_contacts",
                columns: new[] { "pair_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_friendship_pairs_cadre_id_contact_id",
                table: "friendship_pairs",
                columns: new[] { "cadre_id", "contact_id" },
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_friendship_pairs_contact_id",
                table: "friendship_pairs",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_friendship_pairs_formed_at_id",
                table: "friendship_pairs",
                columns: new[] { "formed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_thought_trend_notes_author_id_observed_on",
                table: "thought_trend_notes",
                columns: new[] { "author_id", "observed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_thought_trend_notes_submitted_at_id",
                table: "thought_trend_notes",
                columns: new[] { "submitted_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "friendship_contacts");

            migrationBuilder.DropTable(
                name: "thought_trend_notes");

            migrationBuilder.DropTable(
                name: "friendship_pairs");
        }
    }
}
