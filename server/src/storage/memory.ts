import type { Invite, Member, Role, SessionInfo, SnapshotInfo } from '@harvest/shared'
import { applyControlChange } from '../control/diffControl'
import type { ControlChange, MemberRecord, StoredControl, Storage, SurveyAnswerRecord, SurveyRecord } from './Storage'
import { SNAPSHOTS_KEPT, newestFirst, withDefaults } from './Storage'

/** Keeps everything in process memory: for tests and throwaway runs. */
export class MemoryStorage implements Storage {
  private sessions = new Map<string, SessionInfo>()
  private invites = new Map<string, Invite>()
  private members = new Map<string, MemberRecord>()
  private updates = new Map<string, { seq: number; update: Uint8Array }[]>()
  /** One sequence for every document, as a database's would be. */
  private lastSeq = 0
  private meta = new Map<string, string>()
  private controls = new Map<string, StoredControl>()
  private snapshots = new Map<string, { info: SnapshotInfo; state: Uint8Array }[]>()
  private surveys = new Map<string, SurveyRecord>()
  /** Session id → member id → answer; a Map keeps the order answers were first given. */
  private surveyAnswers = new Map<string, Map<string, SurveyAnswerRecord>>()

  async createSession(session: SessionInfo, invites: Invite[]) {
    this.sessions.set(session.id, structuredClone(session))
    for (const invite of invites) this.invites.set(invite.token, { ...invite })
  }
  async getSession(id: string) {
    const session = this.sessions.get(id)
    return session && withDefaults(structuredClone(session))
  }
  async listSessions() {
    return [...this.sessions.values()].map((s) => withDefaults(structuredClone(s))).sort(newestFirst)
  }
  async findInvite(token: string) {
    const invite = this.invites.get(token)
    return invite && { ...invite }
  }
  async listInvites(sessionId: string) {
    return [...this.invites.values()].filter((i) => i.sessionId === sessionId).map((i) => ({ ...i }))
  }
  async replaceInvite(invite: Invite) {
    for (const [token, existing] of this.invites) {
      if (existing.sessionId === invite.sessionId && existing.role === invite.role) this.invites.delete(token)
    }
    this.invites.set(invite.token, { ...invite })
  }
  async addMember(member: MemberRecord) {
    this.members.set(member.id, { ...member })
  }
  async updateMember(member: Member) {
    const existing = this.members.get(member.id)
    if (existing) this.members.set(member.id, { ...existing, ...member })
  }
  async findMemberByTokenHash(tokenHash: string) {
    const found = [...this.members.values()].find((m) => m.tokenHash === tokenHash)
    return found && { ...found }
  }
  async listMembers(sessionId: string) {
    return [...this.members.values()]
      .filter((m) => m.sessionId === sessionId)
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map(({ tokenHash: _, ...member }) => member)
  }
  async removeMember(memberId: string) {
    this.members.delete(memberId)
  }
  async getControl(sessionId: string) {
    const control = this.controls.get(sessionId)
    return control && structuredClone(control)
  }
  async saveControl(sessionId: string, change: ControlChange, baseVersion: number) {
    const current = this.controls.get(sessionId)
    if ((current?.version ?? 0) !== baseVersion) return null
    if (!current && !change.state) throw new Error('the first save of a session\'s control carries its state')
    const base = current ?? { state: change.state!, notes: {}, drafts: {}, vote: null, version: 0 }
    const version = baseVersion + 1
    this.controls.set(sessionId, { ...applyControlChange(base, structuredClone(change)), version })
    return version
  }
  async updateMemberKeepingOne(member: Member, keepOneOf: readonly Role[]) {
    const current = this.members.get(member.id)
    const others = [...this.members.values()].filter((m) => m.sessionId === member.sessionId && m.id !== member.id)
    const leaves = current !== undefined && keepOneOf.includes(current.role) && !keepOneOf.includes(member.role)
    if (leaves && !others.some((m) => keepOneOf.includes(m.role))) return false
    await this.updateMember(member)
    return true
  }
  async appendUpdate(docName: string, update: Uint8Array) {
    const list = this.updates.get(docName) ?? []
    const seq = ++this.lastSeq
    list.push({ seq, update: update.slice() })
    this.updates.set(docName, list)
    return seq
  }
  async loadUpdates(docName: string) {
    const list = this.updates.get(docName) ?? []
    return { updates: list.map((u) => u.update), seq: list.at(-1)?.seq ?? 0 }
  }
  async compactUpdates(docName: string, merged: Uint8Array, upToSeq: number) {
    const list = this.updates.get(docName) ?? []
    if (!list.some((u) => u.seq <= upToSeq)) return
    this.updates.set(docName, [{ seq: upToSeq, update: merged.slice() }, ...list.filter((u) => u.seq > upToSeq)])
  }
  async addSnapshot(docName: string, info: SnapshotInfo, state: Uint8Array) {
    const list = [{ info: { ...info }, state: state.slice() }, ...(this.snapshots.get(docName) ?? [])]
    this.snapshots.set(docName, list.slice(0, SNAPSHOTS_KEPT))
  }
  async listSnapshots(docName: string) {
    return (this.snapshots.get(docName) ?? []).map((s) => ({ ...s.info }))
  }
  async getSnapshot(docName: string, id: string) {
    return this.snapshots.get(docName)?.find((s) => s.info.id === id)?.state.slice()
  }
  async getSurvey(sessionId: string) {
    const survey = this.surveys.get(sessionId)
    return survey && structuredClone(survey)
  }
  async saveSurvey(sessionId: string, survey: SurveyRecord) {
    this.surveys.set(sessionId, structuredClone(survey))
  }
  async saveSurveyAnswer(sessionId: string, answer: SurveyAnswerRecord) {
    const answers = this.surveyAnswers.get(sessionId) ?? new Map<string, SurveyAnswerRecord>()
    answers.set(answer.memberId, structuredClone(answer))
    this.surveyAnswers.set(sessionId, answers)
  }
  async listSurveyAnswers(sessionId: string) {
    return [...(this.surveyAnswers.get(sessionId)?.values() ?? [])].map((a) => structuredClone(a))
  }
  async getMeta(key: string) {
    return this.meta.get(key)
  }
  async setMeta(key: string, value: string) {
    this.meta.set(key, value)
  }
  async setMetaIfAbsent(key: string, value: string) {
    if (!this.meta.has(key)) this.meta.set(key, value)
    return this.meta.get(key)!
  }
  async close() {}
}
