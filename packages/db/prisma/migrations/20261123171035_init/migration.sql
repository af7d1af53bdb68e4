-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('NEGOTIATION', 'CEASEFIRE', 'AGREEMENT', 'PRISONER_RELEASE', 'VISIT', 'STATEMENT', 'DIPLOMATIC_PROTEST', 'AIRSTRIKE', 'ATTACK', 'ARMED_CLASH', 'INFILTRATION', 'MILITARY_OPERATION', 'VIOLENCE_AGAINST_CIVILIANS', 'PROTEST', 'RIOT', 'ARREST', 'TAKEOVER', 'FORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ARMED_GROUP', 'GOVERNMENT', 'SECURITY_FORCE', 'POLITICAL_PARTY', 'RELIGIOUS_ORGANISATION', 'INTERNATIONAL_ORGANISATION', 'MEDIA_OUTLET', 'CIVIL_SOCIETY', 'RESEARCH_ORGANISATION', 'OTHER');

-- CreateEnum
CREATE TYPE "AliasKind" AS ENUM ('ACRONYM', 'TRANSLITERATION', 'FORMER_NAME', 'INFORMAL_NAME', 'TRANSLATION', 'SELF_STYLED', 'DATASET_NAME');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('PARTY', 'MEDIATOR', 'HOST', 'GUARANTOR', 'FACILITATOR', 'DELEGATION_LEAD', 'DELEGATE', 'SPOKESPERSON', 'PERPETRATOR', 'TARGET', 'RELEASED', 'RELEASING', 'VISITOR', 'ORGANISER', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "ClaimStance" AS ENUM ('ASSERTS', 'DENIES');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "EventOutcome" AS ENUM ('AGREED', 'EXTENDED', 'ENDED', 'DEADLOCKED', 'ONGOING', 'BROKEN', 'REJECTED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "EventLinkKind" AS ENUM ('EXTENDS', 'ENDS', 'FOLLOWS', 'PRODUCED', 'RESPONDS_TO', 'VIOLATES');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('COUNTRY', 'REGION', 'DISTRICT', 'SETTLEMENT', 'SITE');

-- CreateEnum
CREATE TYPE "TokenRole" AS ENUM ('READER', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'MERGE');

-- CreateTable
CREATE TABLE "actor" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "country" CHAR(2),
    "external_ids" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_alias" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AliasKind" NOT NULL,
    "normalized" TEXT NOT NULL,
    "translit_key" TEXT NOT NULL,

    CONSTRAINT "actor_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_redirect" (
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "merged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actor_redirect_pkey" PRIMARY KEY ("from_id")
);

-- CreateTable
CREATE TABLE "affiliation" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "organisation_id" INTEGER,
    "title" TEXT NOT NULL,
    "start_date" DATE,
    "start_precision" "DatePrecision",
    "end_date" DATE,
    "end_precision" "DatePrecision",

    CONSTRAINT "affiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL DEFAULT 'SETTLEMENT',
    "country" CHAR(2) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "parent_id" INTEGER,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "process" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "start_date" DATE,
    "start_precision" "DatePrecision",
    "end_date" DATE,
    "end_precision" "DatePrecision",
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "process_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "type" "EventType" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "outcome" "EventOutcome",
    "fatalities_low" INTEGER,
    "fatalities_best" INTEGER,
    "fatalities_high" INTEGER,
    "contested" BOOLEAN NOT NULL DEFAULT false,
    "process_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_place" (
    "event_id" INTEGER NOT NULL,
    "place_id" INTEGER NOT NULL,

    CONSTRAINT "event_place_pkey" PRIMARY KEY ("event_id","place_id")
);

-- CreateTable
CREATE TABLE "participant" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "note" TEXT,

    CONSTRAINT "participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_link" (
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "kind" "EventLinkKind" NOT NULL,

    CONSTRAINT "event_link_pkey" PRIMARY KEY ("from_id","kind","to_id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "published_at" DATE,
    "published_precision" "DatePrecision",
    "language" TEXT,
    "author" TEXT,
    "document" TEXT,
    "outlet_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_citation" (
    "source_id" INTEGER NOT NULL,
    "outlet_id" INTEGER NOT NULL,

    CONSTRAINT "source_citation_pkey" PRIMARY KEY ("source_id","outlet_id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "source_id" INTEGER NOT NULL,
    "event_id" INTEGER,
    "actor_id" INTEGER,
    "quote" TEXT NOT NULL,
    "stance" "ClaimStance" NOT NULL DEFAULT 'ASSERTS',
    "speaker_id" INTEGER,
    "speaker_label" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision" (
    "id" BIGSERIAL NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "action" "RevisionAction" NOT NULL,
    "version" INTEGER,
    "author" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "TokenRole" NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "actor_key_key" ON "actor"("key");

-- CreateIndex
CREATE INDEX "actor_kind_idx" ON "actor"("kind");

-- CreateIndex
CREATE INDEX "actor_alias_normalized_idx" ON "actor_alias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "actor_alias_actor_id_normalized_key" ON "actor_alias"("actor_id", "normalized");

-- CreateIndex
CREATE INDEX "actor_redirect_to_id_idx" ON "actor_redirect"("to_id");

-- CreateIndex
CREATE INDEX "affiliation_actor_id_idx" ON "affiliation"("actor_id");

-- CreateIndex
CREATE INDEX "affiliation_organisation_id_idx" ON "affiliation"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "place_key_key" ON "place"("key");

-- CreateIndex
CREATE INDEX "place_country_idx" ON "place"("country");

-- CreateIndex
CREATE UNIQUE INDEX "process_key_key" ON "process"("key");

-- CreateIndex
CREATE UNIQUE INDEX "event_key_key" ON "event"("key");

-- CreateIndex
CREATE INDEX "event_start_date_idx" ON "event"("start_date");

-- CreateIndex
CREATE INDEX "event_type_idx" ON "event"("type");

-- CreateIndex
CREATE INDEX "event_process_id_idx" ON "event"("process_id");

-- CreateIndex
CREATE INDEX "event_place_place_id_idx" ON "event_place"("place_id");

-- CreateIndex
CREATE INDEX "participant_actor_id_role_idx" ON "participant"("actor_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "participant_event_id_actor_id_role_key" ON "participant"("event_id", "actor_id", "role");

-- CreateIndex
CREATE INDEX "event_link_to_id_idx" ON "event_link"("to_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_key_key" ON "source"("key");

-- CreateIndex
CREATE INDEX "source_outlet_id_idx" ON "source"("outlet_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_key_key" ON "claim"("key");

-- CreateIndex
CREATE INDEX "claim_source_id_idx" ON "claim"("source_id");

-- CreateIndex
CREATE INDEX "claim_event_id_idx" ON "claim"("event_id");

-- CreateIndex
CREATE INDEX "claim_actor_id_idx" ON "claim"("actor_id");

-- CreateIndex
CREATE INDEX "revision_entity_type_entity_id_idx" ON "revision"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_secret_hash_key" ON "api_token"("secret_hash");

-- AddForeignKey
ALTER TABLE "actor_alias" ADD CONSTRAINT "actor_alias_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_process_id_fkey" FOREIGN KEY ("process_id") REFERENCES "process"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_place" ADD CONSTRAINT "event_place_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_place" ADD CONSTRAINT "event_place_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_link" ADD CONSTRAINT "event_link_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_link" ADD CONSTRAINT "event_link_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_citation" ADD CONSTRAINT "source_citation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_citation" ADD CONSTRAINT "source_citation_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;
