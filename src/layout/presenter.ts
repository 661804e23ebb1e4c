/** Presenter mode's store lives in src/lib/presenter.ts (widgets read it too); the shell imports it from here. */
export { usePresenter } from '@/lib/presenter';
