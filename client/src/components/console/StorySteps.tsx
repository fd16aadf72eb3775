import type { Story } from '@harvest/shared'
import { drive } from '../../commands'

/** The buttons that move one story through queued → telling → Q&A → done, or skip it. */
export function StorySteps({ story, disabled }: { story: Story; disabled: boolean }) {
  const to = (status: Story['status']) => () => drive.storyStatus(story.id, status)
  switch (story.status) {
    case 'queued':
      return (
        <span className="button-row">
          <button className="primary" disabled={disabled} onClick={to('telling')}>Start telling</button>
          <button disabled={disabled} onClick={to('skipped')}>Skip</button>
        </span>
      )
    case 'telling':
      return (
        <span className="button-row">
          <button className="primary" disabled={disabled} onClick={to('qa')}>Start Q&amp;A</button>
          <button disabled={disabled} onClick={to('done')}>Done</button>
        </span>
      )
    case 'qa':
      return <span className="button-row"><button className="primary" disabled={disabled} onClick={to('done')}>Done</button></span>
    case 'done':
    case 'skipped':
      return <span className="button-row"><button disabled={disabled} onClick={to('queued')}>Back to queue</button></span>
  }
}
